import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Contract } from '@shared/contract';
import { channelOf } from '@shared/contract/define';
import type { LessonDocument } from '@shared/editor/document';
import type { Lesson, Project } from '@shared/library/schemas';
import type { Render } from '@shared/media/renders';
import { FORMAT_LABELS, publishFormatSchema, publishSettingsSchema } from '@shared/publish/options';
import { buildPackage } from '../publish/build';
import { defaultAssets, PublishService } from '../publish/PublishService';
import { isUpToDate, takeSnapshot, type SnapshotSource } from '../publish/snapshot';
import type { Caption } from '@shared/captions';
import type { Studio } from '../studio';
import { renderLesson } from './renderCommand';

interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface PublishOptions {
  readonly lessonId: string;
  readonly format: string;
  readonly out: string;
}

/**
 * `flipside publish`: the app's builder, from the lesson's up-to-date renders. With none, it renders 720p first with
 * the render command (headless Chromium) and publishes that; the render stays in the library like one made in the app.
 */
export async function publishLesson(studio: Studio, options: PublishOptions, io: Io): Promise<void> {
  const format = publishFormatSchema.safeParse(options.format);
  if (!format.success) throw new Error(`--format must be scorm12, scorm2004 or web, not “${options.format}”`);
  const out = path.resolve(options.out);
  if (!fs.existsSync(path.dirname(out))) throw new Error(`cannot write ${out}: its folder does not exist`);
  const source = sourceOf(studio);
  const service = new PublishService({ events: studio.events, source });
  const { defaults, renditions } = await service.options({ lessonId: options.lessonId });
  if (!renditions.some((rendition) => rendition.upToDate)) {
    io.stderr('no up-to-date render of this lesson: rendering 720p first');
    const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-publish-')), 'render.mp4');
    try {
      await renderLesson(
        studio,
        { lessonId: options.lessonId, out: scratch, height: '720' },
        { ...io, stdout: () => undefined },
      );
    } finally {
      fs.rmSync(path.dirname(scratch), { recursive: true, force: true });
    }
  }
  const document = await source.openDocument(options.lessonId);
  const ready = (await source.listRenders(options.lessonId)).filter((render) => isUpToDate(render, document));
  // One per label, newest first (list is newest first), so a re-render replaces its older twin.
  const chosen = ready.filter((render, index) => ready.findIndex((other) => other.label === render.label) === index);
  if (chosen.length === 0)
    throw new Error('this lesson has no up-to-date render; render it in the app or with flipside render');
  const settings = publishSettingsSchema.parse({
    ...defaults,
    format: format.data,
    renderIds: chosen.map((render) => render.id),
  });
  const snapshot = await takeSnapshot(source, options.lessonId, settings);
  let lastPercent = -10;
  const { sizeBytes, plan } = await buildPackage(snapshot, out, {
    assets: defaultAssets(),
    signal: new AbortController().signal,
    onProgress: (stage, fraction) => {
      const percent = Math.floor(fraction * 100);
      if (stage === 'writing' && percent >= lastPercent + 10) {
        lastPercent = percent;
        io.stderr(`writing ${percent}%`);
      } else if (stage === 'checking') io.stderr('checking the package');
    },
  });
  io.stderr(
    `${FORMAT_LABELS[format.data]}: ${plan.entries.length} files, ${chosen.map((render) => render.label).join(' + ')}, ${(sizeBytes / 1_000_000).toFixed(1)} MB`,
  );
  io.stdout(out);
}

/** The snapshot's facts through the dispatcher, so the CLI reads exactly what the app's calls answer. */
function sourceOf(studio: Studio): SnapshotSource {
  const call = async <T>(service: Extract<keyof Contract, string>, method: string, input: unknown): Promise<T> => {
    const result = await studio.dispatcher.dispatch(channelOf(service, method), input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  return {
    mediaRoot: studio.mediaRoot,
    openDocument: (lessonId) => call<LessonDocument>('editor', 'open', { lessonId }),
    listRenders: (lessonId) => call<Render[]>('renders', 'list', { lessonId }),
    getLesson: (id) => call<{ lesson: Lesson; project: Project }>('lessons', 'get', { id }),
    listCaptions: (lessonId) => call<Caption[]>('captions', 'list', { lessonId }),
  };
}
