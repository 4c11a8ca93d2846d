import {
  avcCodecString,
  parseAvcConfig,
  relengthed,
  sameParameterSets,
  withParameterSets,
  type AvcConfig,
} from './avcConfig';
import { RenumberError, renumberForSharing } from './avcRenumber';

/**
 * How a smart cut's re-encoded pieces and the recording's copied packets share one H.264 track. Chromium's encoder
 * makes other parameter sets than the recorder did, and an MP4 sample entry has one avcC: nothing changes when the
 * sets are equal; else the pieces' sets go into the recording's avcC under ids it leaves free and every re-encoded
 * slice is pointed at them (CAVLC pieces, which Chromium's software encoder makes at the recording's Baseline
 * profile); else, for CABAC pieces, the track becomes `avc3` with each keyframe's sets in band.
 */
export interface Splice {
  /** The track's codec string and avcC. */
  readonly codec: string;
  readonly description: Uint8Array;
  /** A re-encoded packet's bytes as the track carries them; `config` is what the encoder made it under. */
  reencoded(data: Uint8Array, key: boolean, config: AvcConfig): Uint8Array;
  /** A copied packet's bytes as the track carries them. */
  copied(data: Uint8Array, key: boolean): Uint8Array;
}

export class SpliceError extends Error {
  override readonly name = 'SpliceError';
}

/** `made` is the configuration of the first re-encoded piece; the others must share it (one encoder made them all). */
export function planSplice(codec: string, description: Uint8Array, made: AvcConfig | null): Splice {
  const recorded = parseAvcConfig(description);
  const mustMatch = (config: AvcConfig) => {
    if (made && !sameParameterSets(made, config))
      throw new SpliceError('The encoder changed its H.264 parameters partway through the cut');
  };
  if (!made || sameParameterSets(recorded, made))
    return {
      codec,
      description,
      reencoded: (data, _key, config) => {
        mustMatch(config);
        return relengthed(data, config.lengthSize, recorded.lengthSize);
      },
      copied: (data) => data,
    };
  try {
    const renumbering = renumberForSharing(description, recorded, made);
    return {
      codec,
      description: renumbering.description,
      reencoded: (data, _key, config) => {
        mustMatch(config);
        return renumbering.rewriteSample(data, config.lengthSize, recorded.lengthSize);
      },
      copied: (data) => data,
    };
  } catch (error) {
    if (!(error instanceof RenumberError)) throw error;
  }
  return {
    codec: avcCodecString('avc3', recorded, made),
    description,
    reencoded: (data, key, config) =>
      key
        ? withParameterSets(data, config.lengthSize, config, recorded.lengthSize)
        : relengthed(data, config.lengthSize, recorded.lengthSize),
    copied: (data, key) => (key ? withParameterSets(data, recorded.lengthSize, recorded, recorded.lengthSize) : data),
  };
}
