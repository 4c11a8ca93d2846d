/**
 * The standard API discovery (SCORM 1.2 RTE 3.3.6.1, SCORM 2004 RTE 3.1.2.1): the window itself and its parents up to
 * seven levels, then the same from the opener. A frame of another origin throws on access and is skipped.
 */
export const PARENT_LEVELS = 7;

export interface WindowLike {
  readonly parent: WindowLike | null;
  readonly opener: WindowLike | null;
}

export function findApi(start: WindowLike, name: 'API' | 'API_1484_11'): object | null {
  const search = (from: WindowLike | null): object | null => {
    let current = from;
    for (let level = 0; current && level <= PARENT_LEVELS; level += 1) {
      const found = read(current, name);
      if (found) return found;
      const parent = read(current, 'parent');
      if (!parent || parent === current) break;
      current = parent as WindowLike;
    }
    return null;
  };
  return search(start) ?? search(read(start, 'opener') as WindowLike | null);
}

function read(win: WindowLike, key: string): object | null {
  try {
    const value = (win as unknown as Record<string, unknown>)[key];
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}
