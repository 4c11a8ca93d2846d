import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyTitle, moveItem } from './ordering';
import { foldForSearch, matchesWords, searchWords } from './search';

describe('moveItem', () => {
  it('keeps every item exactly once and puts the moved one at the clamped target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: -5, max: 30 }),
        (items, fromSeed, to) => {
          const from = fromSeed % items.length;
          const moved = moveItem(items, from, to);
          expect([...moved].sort()).toEqual([...items].sort());
          expect(moved[Math.min(Math.max(to, 0), items.length - 1)]).toBe(items[from]);
        },
      ),
    );
  });

  it('refuses an index that is not in the list', () => {
    expect(() => moveItem(['a'], 3, 0)).toThrow(RangeError);
  });
});

describe('copyTitle', () => {
  it('adds (copy), then numbers further copies, never repeating a taken title', () => {
    expect(copyTitle('Optics', new Set(['Optics']), 200)).toBe('Optics (copy)');
    expect(copyTitle('Optics', new Set(['Optics', 'Optics (copy)']), 200)).toBe('Optics (copy 2)');
    expect(copyTitle('Optics (copy)', new Set(['Optics (copy)']), 200)).toBe('Optics (copy 2)');
  });

  it('stays within the maximum length', () => {
    const long = 'x'.repeat(200);
    const copy = copyTitle(long, new Set([long]), 200);
    expect(copy.length).toBeLessThanOrEqual(200);
    expect(copy.endsWith(' (copy)')).toBe(true);
  });
});

describe('search', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('Ÿes ÉCOLE')).toBe('yes ecole');
  });

  it('needs every word, in any order, anywhere', () => {
    const matches = (texts: string[], query: string) =>
      matchesWords(foldForSearch(texts.join('\n')), searchWords(query));
    expect(matches(['Cell biology', 'Mitosis and meiosis'], 'meiosis cell')).toBe(true);
    expect(matches(['Cell biology'], 'cell plants')).toBe(false);
    expect(matches(['anything'], '   ')).toBe(true);
  });
});
