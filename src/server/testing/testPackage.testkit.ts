import { ZipFile } from 'yazl';
import { checkpoint, rules } from '@shared/checkpoints/testFixtures';
import { lessonPackageSchema, type LessonPackage } from '@shared/player/lessonPackage';

export const QUESTION_FORCE = '11111111-aaaa-4aaa-8aaa-000000000001';
export const QUESTION_PUSH = '11111111-aaaa-4aaa-8aaa-000000000002';

/**
 * A 60 s lesson with two questions (a choice with two tries at 10 s, true/false at 40 s) in the player's format,
 * and `extra` more choice questions spread over the rest.
 */
export function testLessonJson(title = 'Forces', extra = 0): LessonPackage {
  const more = Array.from({ length: extra }, (_, index) => ({
    ...checkpoint({
      type: 'single',
      id: `22222222-aaaa-4aaa-8aaa-${String(index).padStart(12, '0')}`,
      prompt: `Extra question ${index + 1}?`,
      choices: [
        { id: 'a', text: 'Right', correct: true },
        { id: 'b', text: 'Wrong', correct: false },
        { id: 'c', text: 'Also wrong', correct: false },
      ],
    }),
    lessonMs: 41_000 + index * 1_000,
    rewatchMs: null,
  }));
  return lessonPackageSchema.parse({
    formatVersion: 1,
    id: 'studio-lesson-1',
    title,
    language: 'en',
    durationMs: 60_000,
    media: { renditions: [{ label: '360p', src: 'media/lesson.mp4', type: 'video/mp4' }] },
    checkpoints: [
      {
        ...checkpoint({
          type: 'single',
          id: QUESTION_FORCE,
          prompt: 'Which **force** pulls things down?',
          attemptsAllowed: 2,
          choices: [
            { id: 'a', text: 'Friction', correct: false },
            { id: 'b', text: 'Gravity', correct: true },
            { id: 'c', text: 'Magnetism', correct: false },
          ],
        }),
        lessonMs: 10_000,
        rewatchMs: 0,
      },
      {
        ...checkpoint({ type: 'trueFalse', id: QUESTION_PUSH, prompt: 'A push is a force.' }),
        lessonMs: 40_000,
        rewatchMs: 30_000,
      },
      ...more,
    ],
    rules: rules(),
  });
}

const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8">
<meta name="flipside-lms" content="classServer"><title>Lesson</title></head>
<body><main id="flipside-player"></main><script src="lesson.js"></script><script src="player.js"></script></body></html>`;

/**
 * A package as the studio uploads it, as zip bytes; `files` replaces or adds entries (null removes one). `rename`
 * rewrites an entry's name in the zip's bytes afterwards (same length), for names no zip writer would make.
 */
export async function testPackageZip(
  options: {
    title?: string;
    extraQuestions?: number;
    files?: Record<string, string | Buffer | null>;
    rename?: { from: string; to: string };
  } = {},
): Promise<Buffer> {
  const files: Record<string, string | Buffer | null> = {
    'index.html': INDEX_HTML,
    'player.js': '/* the player */',
    'player.css': '',
    'lesson.json': JSON.stringify(testLessonJson(options.title, options.extraQuestions)),
    'lesson.js': '',
    'media/lesson.mp4': Buffer.alloc(200_000, 7),
    ...options.files,
  };
  const zip = new ZipFile();
  for (const [name, contents] of Object.entries(files)) {
    if (contents !== null) zip.addBuffer(Buffer.isBuffer(contents) ? contents : Buffer.from(contents), name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  const { rename } = options;
  if (!rename) return bytes;
  if (rename.from.length !== rename.to.length) throw new Error('rename keeps the length');
  const text = bytes.toString('latin1').split(rename.from).join(rename.to);
  return Buffer.from(text, 'latin1');
}
