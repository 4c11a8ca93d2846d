import type { CartridgeLessons, PublishFormat, PublishVideo } from './options';

/** What the Publish dialog knows when it decides whether its button can start a publish. */
export interface PublishChoice {
  readonly format: PublishFormat;
  readonly video: PublishVideo;
  readonly classServerConnected: boolean;
  /** Renders of the lesson that match its edit now. */
  readonly upToDateRenders: number;
  /** Of those, the ones ticked for the package. */
  readonly chosenRenders: number;
  /** Whether the lesson's recording is known yet (its sizes decide what can be rendered first). */
  readonly recordingKnown: boolean;
  /** Sizes ticked to render first when there is no up-to-date render. */
  readonly sizesToRender: number;
  readonly cartridgeLessons: CartridgeLessons;
  /** Titles of the project's lessons not published to the class server yet (a cartridge links to the others). */
  readonly lessonsNotOnServer: readonly string[];
}

export interface PublishReadiness {
  /** With no up-to-date render, the renders are made first, then the package, in one go. */
  readonly rendersFirst: boolean;
  /** Why Publish cannot start, in the teacher's words; null when it can. */
  readonly blockedBecause: string | null;
}

export function publishReadiness(choice: PublishChoice): PublishReadiness {
  const rendersFirst = choice.video === 'renders' && choice.upToDateRenders === 0;
  return { rendersFirst, blockedBecause: blocker(choice, rendersFirst) };
}

function blocker(choice: PublishChoice, rendersFirst: boolean): string | null {
  if (choice.format === 'classServer' && !choice.classServerConnected)
    return 'Set up the class server first: its address and your teacher token.';
  if (choice.format === 'cc' && choice.cartridgeLessons === 'link' && choice.lessonsNotOnServer.length > 0) {
    const names = choice.lessonsNotOnServer.map((title) => `“${title}”`).join(', ');
    return `Links need every lesson on the class server; not there yet: ${names}. Publish them there, or carry them in the cartridge.`;
  }
  if (choice.video !== 'renders') return null;
  if (rendersFirst) {
    if (!choice.recordingKnown) return 'The recording is still being read.';
    if (choice.sizesToRender === 0) return 'Choose at least one size to render.';
    return null;
  }
  return choice.chosenRenders === 0 ? 'Choose at least one video size for the package.' : null;
}
