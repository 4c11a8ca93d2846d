import { describe, expect, it } from 'vitest';
import { publishReadiness, type PublishChoice } from './readiness';

const ready: PublishChoice = {
  format: 'scorm12',
  video: 'renders',
  classServerConnected: false,
  upToDateRenders: 1,
  chosenRenders: 1,
  recordingKnown: true,
  sizesToRender: 1,
  cartridgeLessons: 'link',
  lessonsNotOnServer: [],
};

describe('when the Publish button can start', () => {
  it('publishes the chosen up-to-date renders', () => {
    expect(publishReadiness(ready)).toEqual({ rendersFirst: false, blockedBecause: null });
  });

  it('asks for a video size when none of the up-to-date renders is ticked', () => {
    expect(publishReadiness({ ...ready, chosenRenders: 0 }).blockedBecause).toBe(
      'Choose at least one video size for the package.',
    );
  });

  it('renders first when no render is up to date, once the recording is known and a size is chosen', () => {
    const none = { ...ready, upToDateRenders: 0, chosenRenders: 0 };
    expect(publishReadiness(none)).toEqual({ rendersFirst: true, blockedBecause: null });
    expect(publishReadiness({ ...none, recordingKnown: false }).blockedBecause).toBe(
      'The recording is still being read.',
    );
    expect(publishReadiness({ ...none, sizesToRender: 0 }).blockedBecause).toBe('Choose at least one size to render.');
  });

  it('needs no render when the player draws the recording', () => {
    expect(publishReadiness({ ...ready, video: 'player', upToDateRenders: 0, chosenRenders: 0 })).toEqual({
      rendersFirst: false,
      blockedBecause: null,
    });
  });

  it('publishes to the class server only once one is set up', () => {
    const toServer = { ...ready, format: 'classServer' as const };
    expect(publishReadiness(toServer).blockedBecause).toMatch(/^Set up the class server first/);
    expect(publishReadiness({ ...toServer, classServerConnected: true }).blockedBecause).toBeNull();
  });

  it('links a cartridge only to lessons on the class server, naming the others', () => {
    const cartridge = { ...ready, format: 'cc' as const, lessonsNotOnServer: ['Forces', 'Energy'] };
    expect(publishReadiness(cartridge).blockedBecause).toBe(
      'Links need every lesson on the class server; not there yet: “Forces”, “Energy”. Publish them there, or carry them in the cartridge.',
    );
    expect(publishReadiness({ ...cartridge, cartridgeLessons: 'linkOrWeb' }).blockedBecause).toBeNull();
    expect(publishReadiness({ ...cartridge, lessonsNotOnServer: [] }).blockedBecause).toBeNull();
  });
});
