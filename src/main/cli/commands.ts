import type { StudioClient } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import { projectSortSchema, type Project } from '@shared/library/schemas';
import { PROJECT_PAGE_MAX } from '@shared/contract/projects';
import type { Studio } from '../studio';
import { formatTable } from './formatTable';
import { importFile } from './importFile';
import { renderLesson } from './renderCommand';
import { publishLesson } from './publishCommand';
import { backupLibrary, checkLibrary, restoreLibrary } from './libraryCommand';
import type { CommandIo } from './io';
import { required, UsageError, type CliValues } from './options';

export interface Command {
  /** Reads only: opens the database read-only beside any owner, never cleans up. */
  readonly reads?: boolean;
  run(studio: Studio, client: StudioClient, values: CliValues, io: CommandIo, args: string[]): Promise<void>;
}

export const COMMANDS: Record<string, Command> = {
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

/** `library check|backup|restore`: they work on the library's files, so they open no studio. */
export async function libraryCommand(
  dataDir: string,
  action: string,
  args: readonly string[],
  values: CliValues,
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
