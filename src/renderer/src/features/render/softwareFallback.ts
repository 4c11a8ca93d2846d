import type { EncoderPreference } from '@shared/render/encoderQuality';

/** The hardware video encoder failed mid-render; main has removed what was written. */
export class HardwareEncoderFailedError extends Error {
  override readonly name = 'HardwareEncoderFailedError';
}

/**
 * Encodes with the hardware encoder allowed first; if it fails mid-render (and the teacher has not cancelled),
 * `startOver` opens a new render in place of the failed one and the encode runs once more in software, the failure
 * its stated reason. Any other failure, or one in software, is the caller's.
 */
export async function encodeFallingBackToSoftware<Outcome>(
  encode: (encoder: EncoderPreference) => Promise<Outcome>,
  startOver: () => Promise<void>,
  isCancelled: () => boolean,
): Promise<Outcome> {
  try {
    return await encode({ hardware: 'first' });
  } catch (error) {
    if (!(error instanceof HardwareEncoderFailedError) || isCancelled()) throw error;
    await startOver();
    return await encode({ hardware: 'not', why: error.message });
  }
}
