import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { lessonPackageSchema, type LessonPackage } from '@shared/player/lessonPackage';
import { zipPathProblem } from '@shared/publish/zipPath';
import { HttpError } from '../http/errors';

const ENTRIES_MAX = 10_000;
/** The launch page must say it was built for the class server, or the player would keep results in the browser. */
export const CLASS_SERVER_META = /<meta\s+name="flipside-lms"\s+content="classServer"\s*\/?>/i;
const REQUIRED = ['index.html', 'lesson.json', 'player.js'] as const;

export interface ExtractedPackage {
  /** Every file by its path in the package, with its size: the only paths the server will serve. */
  readonly files: Readonly<Record<string, number>>;
  readonly lesson: LessonPackage;
}

function refuse(message: string): HttpError {
  return new HttpError('invalid_input', `This is not a lesson package the class server can host: ${message}`);
}

/**
 * Unzips a package into `target` (which must not exist), refusing unsafe paths, zip bombs (more bytes out than
 * `maxBytes`) and packages that are not a Flipside lesson built for the class server. On any failure `target` is
 * removed.
 */
export async function extractPackage(zipPath: string, target: string, maxBytes: number): Promise<ExtractedPackage> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw refuse(`not a readable zip (${error instanceof Error ? error.message : String(error)})`);
  }
  fs.mkdirSync(target, { recursive: false });
  try {
    const files: Record<string, number> = {};
    let total = 0;
    let count = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: Entry) => {
        void (async () => {
          count += 1;
          if (count > ENTRIES_MAX) throw refuse(`more than ${ENTRIES_MAX} files`);
          const problem = zipPathProblem(entry.fileName);
          if (problem) throw refuse(problem);
          if (entry.fileName.endsWith('/')) return;
          total += entry.uncompressedSize;
          if (total > maxBytes) throw refuse(`it unpacks to more than ${maxBytes} bytes`);
          const file = path.join(target, ...entry.fileName.split('/'));
          fs.mkdirSync(path.dirname(file), { recursive: true });
          await pipeline(await zip.openReadStreamPromise(entry), fs.createWriteStream(file, { flags: 'wx' }));
          files[entry.fileName] = entry.uncompressedSize;
        })().then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
    for (const name of REQUIRED) if (!(name in files)) throw refuse(`it has no ${name}`);
    if (!CLASS_SERVER_META.test(fs.readFileSync(path.join(target, 'index.html'), 'utf8')))
      throw refuse('it was published for another place (choose “Class server” in the Publish dialog)');
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(path.join(target, 'lesson.json'), 'utf8'));
    } catch {
      throw refuse('its lesson.json is not JSON');
    }
    const parsed = lessonPackageSchema.safeParse(raw);
    if (!parsed.success) throw refuse(`its lesson.json is not valid (${parsed.error.issues[0]?.message ?? ''})`);
    return { files, lesson: parsed.data };
  } catch (error) {
    fs.rmSync(target, { recursive: true, force: true });
    throw error instanceof HttpError ? error : refuse(error instanceof Error ? error.message : String(error));
  } finally {
    zip.close();
  }
}
