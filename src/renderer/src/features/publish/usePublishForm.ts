import { useState } from 'react';
import type { PublishRendition } from '@shared/contract/publish';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import type { PublishFormat, PublishSettings, PublishVideo } from '@shared/publish/options';
import { publishReadiness } from '@shared/publish/readiness';
import { defaultRenditions, sourceHeightOf } from '@shared/render/renditions';
import { splitFormError } from '../../lib/errors';
import { CutCancelledError } from '../render/cut/runCut';
import { RenderCancelledError } from '../render/startRender';
import { useClassServerConnection } from '../settings/useClassServerConnection';
import type { CartridgeLesson } from './CartridgeChoice';

/** The settings the dialog edits as text and ticks, apart from the format, the video and the renders chosen. */
export type PublishDefaults = Omit<PublishSettings, 'format' | 'renderIds' | 'video'>;

export interface PublishOptions {
  defaults: PublishDefaults;
  renditions: PublishRendition[];
  checkpointCount: number;
  playerVideo: { possible: boolean; reason: string | null };
  cartridgeLessons: CartridgeLesson[];
  cartridgeTitle: string;
}

export interface PublishFormErrors {
  fields: Record<string, string>;
  form: string | null;
}

const FIELDS = ['title', 'description', 'language', 'version', 'masteryPercent', 'renderIds'];

/**
 * The publish form's state: what the teacher chose (kept from `initial` after a cancel or a failure, so nothing is
 * retyped), whether it can be published and why not, and the submit that turns a failure into field errors.
 */
export function usePublishForm(
  lessonId: string,
  options: PublishOptions,
  take: Take | null,
  initial: PublishSettings | null,
  onStart: (input: PublishSettings & { lessonId: string }, renderSizes: readonly Rendition[]) => Promise<void>,
) {
  const fresh = options.renditions.filter((rendition) => rendition.upToDate);
  const stale = options.renditions.length - fresh.length;
  const [format, setFormat] = useState<PublishFormat>(initial?.format ?? 'scorm12');
  const [video, setVideo] = useState<PublishVideo>(() =>
    options.playerVideo.possible ? (initial?.video ?? 'player') : 'renders',
  );
  const [renderIds, setRenderIds] = useState<string[]>(() => {
    const kept = initial?.renderIds.filter((id) => fresh.some((rendition) => rendition.renderId === id)) ?? [];
    return kept.length > 0 ? kept : fresh.map((rendition) => rendition.renderId);
  });
  const [settings, setSettings] = useState<PublishDefaults>(() => {
    if (!initial) return options.defaults;
    const { format: _format, renderIds: _renderIds, video: _video, ...rest } = initial;
    return rest;
  });
  const [errors, setErrors] = useState<PublishFormErrors>({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const { connection } = useClassServerConnection();
  // The largest size the recording fills (sound only for a recording with no picture): one render, the quickest way out.
  const [renderSizes, setRenderSizes] = useState<Rendition[]>(() =>
    take ? defaultRenditions(sourceHeightOf(take)).slice(0, 1) : [],
  );
  const { rendersFirst: renderFirst, blockedBecause } = publishReadiness({
    format,
    video,
    classServerConnected: connection !== null,
    upToDateRenders: fresh.length,
    chosenRenders: renderIds.length,
    recordingKnown: take !== null,
    sizesToRender: renderSizes.length,
    cartridgeLessons: settings.cartridgeLessons,
    lessonsNotOnServer: options.cartridgeLessons.filter((lesson) => lesson.lessonUrl === null).map((l) => l.title),
  });
  const set = <K extends keyof PublishDefaults>(key: K, value: PublishDefaults[K]) =>
    setSettings((current) => ({ ...current, [key]: value }));

  // A cartridge is the whole project: an untouched title follows the choice between the lesson's and the project's.
  const chooseFormat = (next: PublishFormat) => {
    const [from, to] =
      next === 'cc'
        ? [options.defaults.title, options.cartridgeTitle]
        : [options.cartridgeTitle, options.defaults.title];
    if ((next === 'cc') !== (format === 'cc') && settings.title === from) set('title', to);
    setFormat(next);
  };

  const submit = async () => {
    setBusy(true);
    try {
      await onStart(
        {
          lessonId,
          format,
          video,
          renderIds: video === 'renders' && !renderFirst ? renderIds : [],
          ...settings,
          courseScope: format === 'cmi5' ? settings.courseScope : 'lesson',
        },
        renderFirst ? renderSizes : [],
      );
    } catch (error) {
      const cancelled = error instanceof CutCancelledError || error instanceof RenderCancelledError;
      if (!cancelled) setErrors(splitFormError(error, FIELDS));
      setBusy(false);
    }
  };

  return {
    format,
    chooseFormat,
    video,
    setVideo,
    fresh,
    stale,
    renderIds,
    setRenderIds,
    renderSizes,
    setRenderSizes,
    settings,
    set,
    connection,
    renderFirst,
    blockedBecause,
    errors,
    busy,
    submit,
  };
}
