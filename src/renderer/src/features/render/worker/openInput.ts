import { ALL_FORMATS, Input, type InputAudioTrack, type InputVideoTrack } from 'mediabunny';
import { mediaUrlSource } from '../../../lib/mediaUrlSource';

export interface OpenedFile {
  video(): Promise<InputVideoTrack>;
  audio(): Promise<InputAudioTrack>;
}

/**
 * Opens the take's files over their media URLs (range requests, so each is read in pieces, never whole). A file
 * asked for twice (the screen's picture and its sound) is opened once: one read cache, and its bytes fetched once.
 */
export function createInputs(): { open(url: string, role: string): OpenedFile; dispose(): void } {
  const inputs = new Map<string, Input>();
  return {
    open(url, role) {
      let input = inputs.get(url);
      if (!input) {
        input = new Input({ source: mediaUrlSource(url), formats: ALL_FORMATS });
        inputs.set(url, input);
      }
      return tracksOf(input, role);
    },
    dispose() {
      for (const input of inputs.values()) input.dispose();
    },
  };
}

function tracksOf(input: Input, role: string): OpenedFile {
  return {
    async video() {
      const track = await input.getPrimaryVideoTrack();
      if (!track) throw new Error(`The ${role} recording has no video track`);
      if (!(await track.canDecode()))
        throw new Error(
          `This computer cannot decode the ${role} recording (${(await track.getCodec()) ?? 'unknown codec'})`,
        );
      return track;
    },
    async audio() {
      const track = await input.getPrimaryAudioTrack();
      if (!track) throw new Error(`The ${role} recording has no sound track`);
      if (!(await track.canDecode()))
        throw new Error(`This computer cannot decode the sound (${(await track.getCodec()) ?? 'unknown codec'})`);
      return track;
    },
  };
}
