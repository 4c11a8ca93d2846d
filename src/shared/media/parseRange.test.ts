import { describe, expect, it } from 'vitest';
import { parseRange } from './parseRange';

describe('parseRange', () => {
  it('serves the whole file without a header', () => {
    expect(parseRange(null, 100)).toEqual({ kind: 'whole' });
    expect(parseRange('', 100)).toEqual({ kind: 'whole' });
  });

  it('reads start-end, inclusive, and clamps an end past the last byte', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=5-5', 100)).toEqual({ kind: 'partial', start: 5, end: 5 });
  });

  it('reads an open-ended range to the last byte', () => {
    expect(parseRange('bytes=40-', 100)).toEqual({ kind: 'partial', start: 40, end: 99 });
  });

  it('reads a suffix range as the last n bytes, whole file when n is larger', () => {
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
  });

  it('calls a range that starts at or past the end unsatisfiable', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=150-200', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores malformed specs, other units and several ranges by serving the whole file', () => {
    for (const header of [
      'bytes=',
      'bytes=-',
      'bytes=9-3',
      'bytes=a-b',
      'bytes=1.5-2',
      'bytes=-1-2',
      'items=0-9',
      'bytes 0-9',
      'bytes=0-9,20-29',
    ]) {
      expect(parseRange(header, 100), header).toEqual({ kind: 'whole' });
    }
  });

  it('accepts the unit in any case and surrounding whitespace', () => {
    expect(parseRange('  Bytes=1-2 ', 100)).toEqual({ kind: 'partial', start: 1, end: 2 });
  });
});
