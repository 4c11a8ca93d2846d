import { parseArgs } from 'node:util';
import type { StudioClient } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import { projectSortSchema, type Project } from '@shared/library/schemas';
import { PROJECT_PAGE_MAX } from '@shared/contract/projects';
import { defaultDataDir, resolveDataDir } from '../dataDir';
import { logFileOf, openLog } from '../logging/log';
import { openStudio, type Studio } from '../studio';
import { formatTable } from './formatTable';
import { importFile } from './importFile';
import { renderLesson } from './renderCommand';
import { checkCommand } from './checkCommand';
import { publishLesson } from './publishCommand';
import { serveCommand } from './serveCommand';
import { backupLibrary, checkLibrary, restoreLibrary } from './libraryCommand';
import { Interrupted, type CommandIo } from './io';

export type CliIo = CommandIo;

export const USAGE = `Usage: flipside <command> [options]

Commands:
  projects list   [--json] [--trash] [--search <text>] [--sort updated|title]
  projects create --title <title> [--description <text>]
  lessons list    --project <id> [--json] [--trash]
  lessons add     --project <id> --title <title>
  import          --lesson <id> <file>     add a video or audio file to a lesson as a take
  render          --lesson <id> --out <file.mp4> [--height 1080|720|480|360|audio] [--force] [--no-captions]
                  [--burn-captions <language>]
                                           render the edited lesson (needs Chromium or Chrome); the file carries
                                           the lesson's captions as subtitle tracks unless --no-captions;
                                           --burn-captions en draws that language's captions into the picture
  publish         --lesson <id> --format scorm12|scorm2004|cmi5|web|cc --out <path> [--force]
                  [--course lesson|project] [--lessons link|linkOrWeb|web]
                                           package the lesson for an LMS (a zip) or the web (a folder);
                                           cmi5 with --course project: every lesson of the project, one course;
                                           cc: the whole project as one Common Cartridge (.imscc), each lesson an
                                           LTI link to the class server (--lessons link, the default), web content
                                           where it is not there (linkOrWeb), or web content only (web: it plays
                                           in the LMS, but no grades come back)
  check           <package.zip>            validate a SCORM, cmi5 or Common Cartridge package: paths, manifest,
                                           files, launch pages and LTI links
  library check                            check the library: database, media files, backups
  library backup  [--out <file>]           back the library up now (it is also backed up once a day)
  library restore [<backup>]               put the newest backup (or the one named) in the library's place
  serve           --data <dir> [--port 8080] [--public-url <url>] [--database <postgres url>]
                                           run the class server (flipside serve --help for more)

Options for every command:
  --data <dir>    the library folder (FLIPSIDE_DATA, when set, takes precedence)
  --force         let render and publish replace an existing --out
  --help          show this help
  --version       show the version

Only one program at a time may change a library: while Flipside Studio has it open, the commands that change it
are refused; projects list, lessons list, library check and library backup still work.`;

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  trash: { type: 'boolean', default: false },
  search: { type: 'string', default: '' },
  sort: { type: 'string', default: 'updated' },
  title: { type: 'string' },
  description: { type: 'string' },
  project: { type: 'string' },
  lesson: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  course: { type: 'string', default: 'lesson' },
  lessons: { type: 'string', default: 'link' },
  height: { type: 'string', default: '720' },
  force: { type: 'boolean', default: false },
  'no-captions': { type: 'boolean', default: false },
  'burn-captions': { type: 'string' },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A mistake in how the command was typed: exit code 2 and a hint to read --help. */
class UsageError extends Error {}

interface Command {
  /** Reads only: opens the database read-only beside any owner, never cleans up. */
  readonly reads?: boolean;
  run(studio: Studio, client: StudioClient, values: Values, io: CommandIo, args: string[]): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  'projects list': {
    reads: true,
    run: async (_studio, client, values, io) => {
      const sort = projectSortSchema.safeParse(values.sort);
      if (!sort.success)
        throw new StudioError('invalid_input', 'invalid --sort', [
          { path: 'sort', message: sort.error.issues[0]?.message ?? 'not a sort order' },
        ]);
      // The whole list, a page at a time (the call answers at most PROJECT_PAGE_MAX); --json stays one array.
      const projects: Project[] = [];
      for (;;) {
        const page = await client.projects.list({
          view: values.trash ? 'trash' : 'active',
          query: values.search,
          sort: sort.data,
          offset: projects.length,
          limit: PROJECT_PAGE_MAX,
        });
        projects.push(...page.items);
        if (page.items.length === 0 || projects.length >= page.total) break;
      }
      if (values.json) io.stdout(JSON.stringify(projects, null, 2));
      else if (projects.length === 0)
        io.stdout(
          values.trash ? 'The trash is empty.' : 'No projects yet. Create one: flipside projects create --title "…"',
        );
      else
        io.stdout(
          formatTable(
            ['ID', 'TITLE', 'LESSONS', 'UPDATED'],
            projects.map((project) => [
              project.id,
              project.title,
              String(project.lessonCount),
              new Date(project.updatedAt).toISOString(),
            ]),
          ),
        );
    },
  },
  'projects create': {
    run: async (_studio, client, values, io) => {
      const project = await client.projects.create({
        title: values.title ?? '',
        description: values.description ?? '',
      });
      io.stdout(project.id);
    },
  },
  'lessons list': {
    reads: true,
    run: async (_studio, client, values, io) => {
      const lessons = await client.lessons.list({
        projectId: required(values.project, '--project'),
        view: values.trash ? 'trash' : 'active',
      });
      if (values.json) io.stdout(JSON.stringify(lessons, null, 2));
      else if (lessons.length === 0) io.stdout('No lessons in this project.');
      else
        io.stdout(
          formatTable(
            ['#', 'ID', 'TITLE', 'UPDATED'],
            lessons.map((lesson, index) => [
              String(index + 1),
              lesson.id,
              lesson.title,
              new Date(lesson.updatedAt).toISOString(),
            ]),
          ),
        );
    },
  },
  'lessons add': {
    run: async (_studio, client, values, io) => {
      const lesson = await client.lessons.add({
        projectId: required(values.project, '--project'),
        title: values.title ?? '',
      });
      io.stdout(lesson.id);
    },
  },
  import: {
    run: async (_studio, client, values, io, args) => {
      if (args.length !== 1) throw new UsageError('import takes exactly one file');
      const take = await importFile(client, required(values.lesson, '--lesson'), args[0] as string, io.signal);
      io.stdout(take.id);
    },
  },
  publish: {
    run: (studio, client, values, io) =>
      publishLesson(
        studio,
        client,
        {
          lessonId: required(values.lesson, '--lesson'),
          format: required(values.format, '--format'),
          out: required(values.out, '--out'),
          force: values.force,
          course: values.course,
          lessons: values.lessons,
        },
        io,
      ),
  },
  render: {
    run: (studio, _client, values, io) =>
      renderLesson(
        studio,
        {
          lessonId: required(values.lesson, '--lesson'),
          out: required(values.out, '--out'),
          height: values.height,
          force: values.force,
          captions: !values['no-captions'],
          burnCaptions: values['burn-captions'] ?? null,
        },
        io,
      ),
  },
};

/** Runs one command through the same dispatcher (and so the same validation and services) the app uses. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  // The class server has its own options and no library: everything after `serve` is its own.
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io, version);
  let studio: Studio | undefined;
  let dataDir: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.version) {
      io.stdout(version);
      return 0;
    }
    if (values.help || positionals.length === 0) {
      io.stdout(USAGE);
      return values.help ? 0 : 2;
    }
    const [first = '', second = ''] = positionals;
    // check reads a package, not a library: no data folder is opened (or created).
    if (first === 'check') return await checkCommand(positionals.slice(1), io);
    dataDir = resolveDataDir({ flag: values.data, env: io.env, fallback: () => defaultDataDir() });
    if (first === 'library') return await libraryCommand(dataDir, second, positionals.slice(2), values, io);
    const twoWords = COMMANDS[`${first} ${second}`];
    const command = twoWords ?? COMMANDS[first];
    const args = positionals.slice(twoWords ? 2 : 1);
    if (!command || (twoWords && args.length > 0)) throw new UsageError(`unknown command “${positionals.join(' ')}”`);
    studio = openStudio({
      dataDir,
      host: 'cli',
      access: command.reads ? 'read' : 'owner',
      ownerLabel: `flipside ${twoWords ? `${first} ${second}` : first}`,
    });
    await command.run(studio, studio.client('cli'), values, io, args);
    return 0;
  } catch (error) {
    return report(error, io, dataDir, studio);
  } finally {
    await studio?.close();
  }
}

async function libraryCommand(
  dataDir: string,
  action: string,
  args: readonly string[],
  values: Values,
  io: CommandIo,
): Promise<number> {
  if (action === 'check' && args.length === 0) return checkLibrary(dataDir, io);
  if (action === 'backup' && args.length === 0) {
    await backupLibrary(dataDir, values.out, io);
    return 0;
  }
  if (action === 'restore' && args.length <= 1) {
    restoreLibrary(dataDir, args, io);
    return 0;
  }
  throw new UsageError(`unknown command “library ${[action, ...args].join(' ')}”`);
}

/**
 * One line on stderr. A usage mistake exits 2 with a hint; Ctrl+C exits 130; anything else exits 1, and what was
 * not the user's input (a failure, a storage problem) is logged with its stack and the line names the log file.
 */
function report(error: unknown, io: CommandIo, dataDir: string | undefined, studio: Studio | undefined): number {
  if (error instanceof Interrupted) {
    io.stderr(`flipside: ${error.message}`);
    return 130;
  }
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (usage) {
    io.stderr(`flipside: ${oneLine(error)} (see flipside --help)`);
    return 2;
  }
  const studioError = error instanceof StudioError ? error : null;
  const userInput = studioError && ['invalid_input', 'not_found', 'conflict'].includes(studioError.code);
  const message = studioError?.issues
    ? studioError.issues.map((issue) => `${flagOf(issue.path)}: ${issue.message}`).join('; ')
    : oneLine(error);
  if (userInput || !dataDir) {
    io.stderr(`flipside: ${message}`);
    return 1;
  }
  const log = studio?.log ?? openLog(dataDir, 'cli');
  log.error(`flipside failed: ${message}`, error);
  io.stderr(`flipside: ${message} (details in ${logFileOf(dataDir)})`);
  return 1;
}

/** Names a contract field the way the user typed it, so `title` reads as `--title`. */
function flagOf(path: string): string {
  const flags: Record<string, string> = {
    lessonId: '--lesson',
    projectId: '--project',
    title: '--title',
    description: '--description',
    query: '--search',
    sort: '--sort',
  };
  return flags[path] ?? path;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}
