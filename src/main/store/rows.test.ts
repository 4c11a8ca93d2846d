import { describe, expect, expectTypeOf, it } from 'vitest';
import { camelRow } from './rows';

describe('camelRow', () => {
  it('turns snake_case columns into the contract’s camelCase fields, values untouched', () => {
    const row = { id: 'a', lesson_id: 'b', start_offset_ms: 12, trashed_at: null, frame_rate_2x: 3 };
    const mapped = camelRow(row);
    expect(mapped).toEqual({ id: 'a', lessonId: 'b', startOffsetMs: 12, trashedAt: null, frameRate2x: 3 });
    expectTypeOf(mapped).toEqualTypeOf<{
      id: string;
      lessonId: string;
      startOffsetMs: number;
      trashedAt: null;
      frameRate2x: number;
    }>();
  });
});
