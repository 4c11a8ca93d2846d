/** The index a dragged item ends up at when dropped before or after the item now at `target`. */
export function targetIndexOf(from: number, target: number, position: 'before' | 'after' | 'on'): number {
  const insertAt = position === 'after' ? target + 1 : target;
  return from < insertAt ? insertAt - 1 : insertAt;
}
