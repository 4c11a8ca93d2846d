import type { CameraLayout, LessonDocument } from '../editor/document';
import { bubbleRect, type BubbleRect, type FrameSize } from '../editor/bubbleGeometry';
import type { Rendition } from '../media/renders';
import type { Take, TakeFile } from '../media/takes';
import { createLessonMap, type KeptSpan } from '../timeline/mapping';
import type { TimeRange } from '../timeline/ranges';
import { planCallouts, type PlannedCallout } from './callouts';
import { shownRanges } from './bubbleShown';
import { AUDIO_BITRATE, outputFrameRate, outputSize, videoBitrate } from './outputSize';
import { renditionLabel } from './renditions';
import { burnedCaptions, type BurnedCaptions } from './burnedCaptions';

/** A file of the take and where it starts on the take's clock (ms). */
export interface PlannedFile {
  readonly path: string;
  readonly offsetMs: number;
}

export interface VideoPlan {
  readonly screen: PlannedFile;
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
  /** Output frames: the lesson is resampled to a constant rate, frame k showing lesson time (k + ½) / rate. */
  readonly frameCount: number;
  readonly bitrate: number;
  readonly maximumPacketCount: number;
}

export interface BubblePlan {
  readonly camera: PlannedFile;
  /** In output pixels. */
  readonly rect: BubbleRect;
  /** To place the bubble on a frame of another size (the screen's own) exactly as on the output. */
  readonly layout: CameraLayout;
  readonly cameraAspect: number | undefined;
  /** Lesson-time ranges in which the bubble shows (outside the layout's hidden ranges). */
  readonly shown: readonly TimeRange[];
}

export interface AudioPlan {
  readonly file: PlannedFile;
  readonly bitrate: number;
  readonly maximumPacketCount: number;
}

/** Why the packet-copy fast path does or does not apply, in words the teacher and the CLI can show. */
export type FastPath = { readonly applies: true } | { readonly applies: false; readonly reason: string };

export interface RenderPlan {
  readonly rendition: Rendition;
  readonly label: string;
  readonly extension: 'mp4' | 'm4a';
  readonly durationMs: number;
  readonly spans: readonly KeptSpan[];
  readonly video: VideoPlan | null;
  readonly bubble: BubblePlan | null;
  readonly callouts: readonly PlannedCallout[];
  /** Captions drawn into the picture (the render option), or null: a copy can still carry them as a track. */
  readonly captions: BurnedCaptions | null;
  readonly audio: AudioPlan | null;
  readonly fastPath: FastPath;
}

export interface RenderOptions {
  /** The language of the captions to burn into the picture; null or absent burns none. */
  readonly burnCaptions?: string | null;
}

/** Opus frames are 20 ms (AAC's 1024-sample frames are longer, so fewer); a third more is the margin mediabunny's docs ask for. */
const OPUS_PACKETS_PER_SECOND = 50;
const packetBudget = (durationMs: number, perSecond: number) => Math.ceil((durationMs / 1000) * perSecond * 1.34) + 64;

export class RenderPlanError extends Error {
  override readonly name = 'RenderPlanError';
}

/** Everything a render needs decided before any decoding: pure, so it is tested without media. */
export function planRender(
  document: LessonDocument,
  take: Take,
  rendition: Rendition,
  options: RenderOptions = {},
): RenderPlan {
  if (document.takeId !== take.id) throw new RenderPlanError('The lesson’s document belongs to another take');
  const map = createLessonMap(document.editList);
  const durationMs = map.duration;
  const screen = take.files.find((file) => file.role === 'screen' && file.width !== null && file.height !== null);
  const camera = take.files.find((file) => file.role === 'camera' && file.width !== null && file.height !== null);
  const mainVideo = screen ?? camera;
  const audioFile = audioSource(take.files);
  if (rendition !== 0 && !mainVideo)
    throw new RenderPlanError('This recording has no video, so only “Audio only” can be rendered');
  if (rendition === 0 && !audioFile)
    throw new RenderPlanError('This recording has no sound, so it cannot be rendered as audio only');

  const audio: AudioPlan | null = audioFile
    ? {
        file: planned(audioFile),
        bitrate: AUDIO_BITRATE,
        maximumPacketCount: packetBudget(durationMs, OPUS_PACKETS_PER_SECOND),
      }
    : null;
  const base = { rendition, label: renditionLabel(rendition), durationMs, spans: map.spans, audio };
  if (rendition === 0 || !mainVideo) {
    return {
      ...base,
      extension: 'm4a',
      video: null,
      bubble: null,
      callouts: [],
      captions: null,
      fastPath: { applies: false, reason: 'audio only' },
    };
  }

  const source = { width: mainVideo.width ?? 0, height: mainVideo.height ?? 0 };
  const size = outputSize(source, rendition);
  const frameRate = outputFrameRate(mainVideo.frameRate);
  const frameCount = Math.max(1, Math.round((durationMs * frameRate) / 1000));
  const video: VideoPlan = {
    screen: planned(mainVideo),
    ...size,
    frameRate,
    frameCount,
    bitrate: videoBitrate(size.height),
    maximumPacketCount: packetBudget(durationMs, Math.max(frameRate, mainVideo.frameRate ?? 0)),
  };
  const bubble = screen && camera ? planBubble(document.layout, camera, size, map.spans) : null;
  const callouts = planCallouts(document, size);
  const captions = options.burnCaptions ? burnedCaptions(document, options.burnCaptions) : null;
  if (options.burnCaptions && !captions)
    throw new RenderPlanError(`This lesson has no captions in “${options.burnCaptions}” to burn into the picture`);
  return {
    ...base,
    extension: 'mp4',
    video,
    bubble,
    callouts,
    captions,
    fastPath: fastPathOf(mainVideo, source, size, { bubble, callouts, captions }),
  };
}

function planned(file: TakeFile): PlannedFile {
  return { path: file.path, offsetMs: file.startOffsetMs };
}

/** The microphone rides with the screen when there is one, else with the camera; an audio-only take has its own file. */
function audioSource(files: readonly TakeFile[]): TakeFile | undefined {
  const withAudio = files.filter((file) => file.audioCodec !== null);
  return (
    withAudio.find((file) => file.role === 'screen') ?? withAudio.find((file) => file.role === 'camera') ?? withAudio[0]
  );
}

function planBubble(
  layout: CameraLayout,
  camera: TakeFile,
  frame: FrameSize,
  spans: readonly KeptSpan[],
): BubblePlan | null {
  const aspect = camera.width && camera.height ? camera.width / camera.height : undefined;
  const shown = shownRanges(layout.hidden, spans);
  if (shown.length === 0) return null;
  return { camera: planned(camera), rect: bubbleRect(layout, frame, aspect), layout, cameraAspect: aspect, shown };
}

/** Packets can be copied only when nothing is drawn on the picture and its size stays. */
function fastPathOf(
  file: TakeFile,
  source: FrameSize,
  size: FrameSize,
  drawn: Pick<RenderPlan, 'bubble' | 'callouts' | 'captions'>,
): FastPath {
  if (drawn.bubble) return { applies: false, reason: 'the camera bubble is drawn in' };
  if (drawn.callouts.length > 0) return { applies: false, reason: 'callouts are burned in' };
  if (drawn.captions) return { applies: false, reason: 'captions are burned in' };
  if (file.role !== 'screen') return { applies: false, reason: 'the take has no screen recording' };
  if (file.videoCodec !== 'avc')
    return { applies: false, reason: `the recording is ${file.videoCodec ?? 'an unknown codec'}, not H.264` };
  if (size.width !== source.width || size.height !== source.height)
    return { applies: false, reason: 'the size changes' };
  return { applies: true };
}
