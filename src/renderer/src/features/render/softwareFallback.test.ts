import { describe, expect, it } from 'vitest';
import type { EncoderPreference } from '@shared/render/encoderQuality';
import { encodeFallingBackToSoftware, HardwareEncoderFailedError } from './softwareFallback';

/** An encode that answers from `results` in turn (an Error is thrown), recording what it was asked for. */
function scripted(...results: (string | Error)[]) {
  const asked: EncoderPreference[] = [];
  const encode = (encoder: EncoderPreference) => {
    asked.push(encoder);
    const result = results.shift();
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result ?? 'no more');
  };
  return { asked, encode };
}

describe('encodeFallingBackToSoftware', () => {
  it('asks for the hardware encoder first and starts nothing over when it succeeds', async () => {
    const { asked, encode } = scripted('rendered');
    let startedOver = 0;
    const outcome = await encodeFallingBackToSoftware(
      encode,
      async () => void (startedOver += 1),
      () => false,
    );
    expect(outcome).toBe('rendered');
    expect(asked).toEqual([{ hardware: 'first' }]);
    expect(startedOver).toBe(0);
  });

  it('starts a failed hardware render over, then encodes in software with the failure as the reason', async () => {
    const { asked, encode } = scripted(new HardwareEncoderFailedError('the hardware video encoder failed: lost'), 'ok');
    // The new render exists only once starting over has finished: the software attempt must come after it.
    let newRender: string | null = null;
    const renderOfAttempt: (string | null)[] = [];
    const outcome = await encodeFallingBackToSoftware(
      (encoder) => {
        renderOfAttempt.push(newRender);
        return encode(encoder);
      },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        newRender = 'render 2';
      },
      () => false,
    );
    expect(outcome).toBe('ok');
    expect(asked).toEqual([{ hardware: 'first' }, { hardware: 'not', why: 'the hardware video encoder failed: lost' }]);
    expect(renderOfAttempt).toEqual([null, 'render 2']);
  });

  it('passes any other failure on without a second attempt', async () => {
    const { asked, encode } = scripted(new Error('The disk is full'));
    await expect(
      encodeFallingBackToSoftware(
        encode,
        async () => undefined,
        () => false,
      ),
    ).rejects.toThrow('The disk is full');
    expect(asked).toHaveLength(1);
  });

  it('does not start a cancelled render over', async () => {
    const { asked, encode } = scripted(new HardwareEncoderFailedError('lost'));
    let startedOver = false;
    await expect(
      encodeFallingBackToSoftware(
        encode,
        async () => void (startedOver = true),
        () => true,
      ),
    ).rejects.toBeInstanceOf(HardwareEncoderFailedError);
    expect(asked).toHaveLength(1);
    expect(startedOver).toBe(false);
  });

  it('tries software once: a failure there is the render’s', async () => {
    const { asked, encode } = scripted(new HardwareEncoderFailedError('lost'), new Error('The sound would not decode'));
    await expect(
      encodeFallingBackToSoftware(
        encode,
        async () => undefined,
        () => false,
      ),
    ).rejects.toThrow('The sound would not decode');
    expect(asked).toHaveLength(2);
  });
});
