import { describe, expect, it } from 'vitest';
import { publishSettingsSchema, videoOf } from './options';

describe('videoOf', () => {
  it('keeps what was chosen', () => {
    expect(videoOf({ video: 'player', renderIds: ['r'] })).toBe('player');
    expect(videoOf({ video: 'renders', renderIds: [] })).toBe('renders');
  });

  it('reads settings that name renders but no video (callers from before the choice) as a package of renders', () => {
    const settings = publishSettingsSchema.parse({
      format: 'scorm12',
      renderIds: ['00000000-0000-4000-8000-000000000001'],
      title: 'Forces',
      language: 'en',
      version: '1.0',
      masteryPercent: 80,
      completion: { minWatchedPercent: 90, requireAllRequiredCheckpoints: true },
    });
    expect(videoOf(settings)).toBe('renders');
  });

  it('publishes the recording for the player when nothing says otherwise', () => {
    expect(videoOf({})).toBe('player');
    expect(videoOf({ renderIds: [] })).toBe('player');
  });
});
