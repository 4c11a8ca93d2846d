import { placeCallouts, type RangeAnchor, type ReadonlyEditList } from '../timeline';

/**
 * The callouts the editor draws over the picture with the playhead at `sourceMs`: those playing there, and the
 * selected one wherever the playhead is, so it can be placed. A callout wholly inside a cut or the trim is never
 * drawn, selected or not, since learners never see it; the Callouts tab still lists it, marked as cut out. One that
 * is only partly cut still plays, so it stays drawn when selected.
 */
export function calloutsOnPicture<C extends RangeAnchor>(
  list: ReadonlyEditList,
  callouts: readonly C[],
  sourceMs: number,
  selectedId: string | null,
): C[] {
  const placed = placeCallouts(list, callouts);
  return callouts.filter((callout, index) => {
    if (placed[index]?.removed !== false) return false;
    const playing = callout.sourceStart <= sourceMs && sourceMs < callout.sourceEnd;
    return playing || callout.id === selectedId;
  });
}
