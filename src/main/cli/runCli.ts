import { parseArgs } from 'node:util';
import { channelOf } from '@shared/contract/define';
import type { Lesson, Project } from '@shared/library/schemas';
import { defaultDataDir, resolveDataDir } from '../dataDir';
import { openStudio, type Studio } from '../studio';
import { formatTable } from './formatTable';
import { importFile } from './importFile';
import { renderLesson } from './renderCommand';
import { checkCommand } from './checkCommand';
import { publishLesson } from './publishCommand';
import { serveCommand } from './serveCommand';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: flipside <command> [options]

Commands:
  projects list   [--json] [--trash] [--search <text>] [--sort updated|title]
  projects create --title <title> [--description <text>]
  lessons list    --project <id> [--json] [--trash]
  lessons add     --project <id> --title <title>
  import          --lesson <id> <file>     add a video or audio file to a lesson as a take
  render          --lesson <id> --out <file.mp4> [--height 1080|720|480|360|audio]
                                           render the edited lesson (needs Chromium or Chrome)
  publish         --lesson <id> --format scorm12|scorm2004|web --out <path>
                                           package the lesson for an LMS (a zip) or the web (a folder)
  check           <package.zip>            validate a SCORM package: paths, manifest, files, launch page
  serve           --data <dir> [--port 8080] [--public-url <url>] [--database <postgres url>]
                                           run the class server (flipside serve --help for more)

Options for every command:
  --data <dir>    the library folder (FLIPSIDE_DATA, when set, takes precedence)
  --help          show this help
  --version       show the version`;

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
  height: { type: 'string', default: '720' },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A mistake in how the command was typed: exit code 2 and a hint to read --help. */
class UsageError extends Error {}

type Command = (studio: Studio, values: Values, io: CliIo, args: string[]) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  'projects list': async (studio, values, io) => {
    const projects = (await call(studio, 'projects', 'list', {
      view: values.trash ? 'trash' : 'active',
      query: values.search,
      sort: values.sort,
    })) as Project[];
    if (values.json) return io.stdout(JSON.stringify(projects, null, 2));
    if (projects.length === 0)
      return io.stdout(
        values.trash ? 'The trash is empty.' : 'No projects yet. Create one: flipside projects create --title "…"',
      );
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
  'projects create': async (studio, values, io) => {
    const project = (await call(studio, 'projects', 'create', {
      title: values.title,
      description: values.description ?? '',
    })) as Project;
    io.stdout(project.id);
  },
  'lessons list': async (studio, values, io) => {
    const lessons = (await call(studio, 'lessons', 'list', {
      projectId: required(values.project, '--project'),
      view: values.trash ? 'trash' : 'active',
    })) as Lesson[];
    if (values.json) return io.stdout(JSON.stringify(lessons, null, 2));
    if (lessons.length === 0) return io.stdout('No lessons in this project.');
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
  'lessons add': async (studio, values, io) => {
    const lesson = (await call(studio, 'lessons', 'add', {
      projectId: required(values.project, '--project'),
      title: values.title,
    })) as Lesson;
    io.stdout(lesson.id);
  },
  import: async (studio, values, io, args) => {
    if (args.length !== 1) throw new UsageError('import takes exactly one file');
    const take = await importFile(required(values.lesson, '--lesson'), args[0] as string, (service, method, input) =>
      call(studio, service, method, input),
    );
    io.stdout(take.id);
  },
  publish: async (studio, values, io) => {
    await publishLesson(
      studio,
      {
        lessonId: required(values.lesson, '--lesson'),
        format: required(values.format, '--format'),
        out: required(values.out, '--out'),
      },
      io,
    );
  },
  render: async (studio, values, io) => {
    await renderLesson(
      studio,
      { lessonId: required(values.lesson, '--lesson'), out: required(values.out, '--out'), height: values.height },
      io,
    );
  },
};

/** Runs one command through the same dispatcher (and so the same validation and services) the app uses. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  // The class server has its own options and no library: everything after `serve` is its own.
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io, version);
  let studio: Studio | undefined;
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
    const twoWords = COMMANDS[`${first} ${second}`];
    const command = twoWords ?? COMMANDS[first];
    const args = positionals.slice(twoWords ? 2 : 1);
    if (!command || (twoWords && args.length > 0)) throw new UsageError(`unknown command “${positionals.join(' ')}”`);
    const dataDir = resolveDataDir({ flag: values.data, env: io.env, fallback: () => defaultDataDir() });
    studio = openStudio({ dataDir, host: 'cli' });
    await command(studio, values, io, args);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`flipside: ${oneLine(error)}${usage ? ' (see flipside --help)' : ''}`);
    return usage ? 2 : 1;
  } finally {
    studio?.close();
  }
}

async function call(studio: Studio, service: string, method: string, input: unknown): Promise<unknown> {
  const result = await studio.dispatcher.dispatch(channelOf(service, method), input);
  if (!result.ok) {
    const issues = result.error.issues?.map((issue) => `${flagOf(issue.path)}: ${issue.message}`).join('; ');
    throw new Error(issues ?? result.error.message);
  }
  return result.value;
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
