import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { recordedTake, setup } from '../testing/libraryFixture';
import { DerivedService } from './DerivedService';

describe('DerivedService', () => {
  it('keeps derived bytes beside the take and answers null before they exist', async () => {
    const fixture = setup();
    const take = await recordedTake(fixture);
    const derived = new DerivedService(fixture.deps);
    expect(derived.read({ takeId: take.id, key: 'peaks-0' })).toEqual({ data: null });
    derived.write({ takeId: take.id, key: 'peaks-0', data: new Uint8Array([1, 2, 255]) });
    expect([...(derived.read({ takeId: take.id, key: 'peaks-0' }).data ?? [])]).toEqual([1, 2, 255]);
  });

  it('accepts only plain keys, so a key can never name a path', () => {
    const key = contract.derived.calls.read.input.shape.key;
    for (const bad of ['../library', 'a/b', 'UPPER', '', '.hidden', 'x'.repeat(65), 'a\\b'])
      expect(key.safeParse(bad).success).toBe(false);
    expect(key.safeParse('thumbs-12').success).toBe(true);
  });
});
