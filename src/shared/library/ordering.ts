import type { Project, ProjectSort } from './schemas';

const titleCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Newest change first, or by title the way people read numbers ("Unit 2" before "Unit 10"). */
export function sortProjects<T extends Pick<Project, 'id' | 'title' | 'updatedAt'>>(
  projects: readonly T[],
  sort: ProjectSort,
): T[] {
  const byTitle = (a: T, b: T) => titleCollator.compare(a.title, b.title) || a.id.localeCompare(b.id);
  const byUpdated = (a: T, b: T) => b.updatedAt - a.updatedAt || byTitle(a, b);
  return [...projects].sort(sort === 'title' ? byTitle : byUpdated);
}

/** `items` with the element at `from` moved to `to` (clamped to the list); the input is not changed. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) throw new RangeError(`No item at ${from}`);
  const result = [...items];
  const [item] = result.splice(from, 1) as [T];
  result.splice(Math.min(Math.max(to, 0), result.length), 0, item);
  return result;
}

/** "Algebra (copy)", then "Algebra (copy 2)" and so on, never a title that is already taken. */
export function copyTitle(title: string, taken: ReadonlySet<string>, maxLength: number): string {
  const base = title.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = base.slice(0, maxLength - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
