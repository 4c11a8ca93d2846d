import { ALL_FORMATS, Input, UrlSource, type InputAudioTrack, type InputVideoTrack } from 'mediabunny';

export interface OpenedFile {
  readonly input: Input;
  video(): Promise<InputVideoTrack>;
  audio(): Promise<InputAudioTrack>;
}

/** Opens one file of the take over its media URL (range requests, so it is read in pieces, never whole). */
export function openInput(url: string, role: string): OpenedFile {
  const input = new Input({ source: new UrlSource(url), formats: ALL_FORMATS });
  return {
    input,
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
