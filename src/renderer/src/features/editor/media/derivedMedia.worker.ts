import {
  ALL_FORMATS,
  AudioSampleSink,
  CanvasSink,
  Input,
  type InputAudioTrack,
  type InputVideoTrack,
} from 'mediabunny';
import { mediaUrlSource } from '../../../lib/mediaUrlSource';
import {
  PEAKS_PER_SECOND,
  PEAKS_PER_WINDOW,
  THUMB_HEIGHT,
  THUMB_WIDTH,
  THUMBS_PER_WINDOW,
  WINDOW_MS,
  type DerivedRequest,
  type DerivedResponse,
} from './derivedFormat';

// Decoding runs here, off the main thread, so scrolling the timeline never waits for a decoder. The DOM typings
// describe a window, so the worker's own scope is named by the two members it uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DerivedRequest>) => void) | null;
  postMessage(message: DerivedResponse, transfer?: Transferable[]): void;
};

interface OpenFile {
  video: Promise<{ track: InputVideoTrack; sink: CanvasSink } | null>;
  audio: Promise<{ track: InputAudioTrack; sink: AudioSampleSink } | null>;
}

const files = new Map<string, OpenFile>();

function open(url: string): OpenFile {
  let file = files.get(url);
  if (!file) {
    const input = new Input({ source: mediaUrlSource(url), formats: ALL_FORMATS });
    file = {
      video: input.getPrimaryVideoTrack().then(async (track) => {
        if (!track || !(await track.canDecode())) return null;
        return {
          track,
          sink: new CanvasSink(track, { width: THUMB_WIDTH, height: THUMB_HEIGHT, fit: 'cover', poolSize: 2 }),
        };
      }),
      audio: input.getPrimaryAudioTrack().then(async (track) => {
        if (!track || !(await track.canDecode())) return null;
        return { track, sink: new AudioSampleSink(track) };
      }),
    };
    files.set(url, file);
  }
  return file;
}

/** A sprite: THUMBS_PER_WINDOW frames side by side, as one JPEG. */
async function thumbs(request: DerivedRequest): Promise<Uint8Array<ArrayBuffer>> {
  const video = await open(request.url).video;
  const sprite = new OffscreenCanvas(THUMB_WIDTH * THUMBS_PER_WINDOW, THUMB_HEIGHT);
  const context = sprite.getContext('2d');
  if (!context) throw new Error('This browser cannot draw thumbnails');
  context.fillStyle = '#1c1d21';
  context.fillRect(0, 0, sprite.width, sprite.height);
  if (video) {
    const step = WINDOW_MS / THUMBS_PER_WINDOW;
    const times = Array.from({ length: THUMBS_PER_WINDOW }, (_, i) =>
      Math.max(0, (request.window * WINDOW_MS + (i + 0.5) * step - request.startOffsetMs) / 1000),
    );
    let index = 0;
    for await (const frame of video.sink.canvasesAtTimestamps(times)) {
      if (frame) context.drawImage(frame.canvas, index * THUMB_WIDTH, 0, THUMB_WIDTH, THUMB_HEIGHT);
      index += 1;
    }
  }
  const blob = await sprite.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
  return new Uint8Array(await blob.arrayBuffer());
}

/** The loudest sample of every 10 ms of the window, 0-255 on a square-root scale so quiet speech still shows. */
async function peaks(request: DerivedRequest): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Uint8Array(PEAKS_PER_WINDOW);
  const audio = await open(request.url).audio;
  if (!audio) return out;
  const startS = (request.window * WINDOW_MS - request.startOffsetMs) / 1000;
  const endS = startS + WINDOW_MS / 1000;
  let buffer = new Float32Array(0);
  for await (const sample of audio.sink.samples(Math.max(0, startS), Math.max(0, endS))) {
    const frames = sample.numberOfFrames;
    if (buffer.length < frames) buffer = new Float32Array(frames);
    sample.copyTo(buffer, { planeIndex: 0, format: 'f32-planar' });
    for (let frame = 0; frame < frames; frame += 1) {
      const at = Math.floor((sample.timestamp + frame / sample.sampleRate - startS) * PEAKS_PER_SECOND);
      if (at < 0 || at >= PEAKS_PER_WINDOW) continue;
      const level = Math.round(Math.sqrt(Math.min(1, Math.abs(buffer[frame] ?? 0))) * 255);
      if (level > (out[at] ?? 0)) out[at] = level;
    }
    sample.close();
  }
  return out;
}

async function answer(request: DerivedRequest): Promise<void> {
  let response: DerivedResponse;
  try {
    response = { id: request.id, data: request.kind === 'thumbs' ? await thumbs(request) : await peaks(request) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response, 'data' in response ? [response.data.buffer] : []);
}

scope.onmessage = (event) => {
  void answer(event.data);
};
