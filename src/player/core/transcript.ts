/** One line of the transcript: a caption's text and its time on the lesson's clock. */
export interface TranscriptLine {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The line being said at `ms` (start ≤ ms < end), or -1 in a pause; lines are in time order. */
export function findLine(lines: readonly TranscriptLine[], ms: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((lines[mid]?.start ?? 0) <= ms) low = mid + 1;
    else high = mid;
  }
  const index = low - 1;
  const line = lines[index];
  return line && ms < line.end ? index : -1;
}

/** Letters compared as a learner types them: case and accents ignored ("resume" finds "Résumé"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Where `query` appears in each line, as [start, end) character ranges of the line's own text, by line index. Folding
 * keeps one character per character for the scripts learners type, so ranges fall on the original text.
 */
export function searchLines(lines: readonly TranscriptLine[], query: string): Map<number, [number, number][]> {
  const wanted = fold(query.trim());
  const hits = new Map<number, [number, number][]>();
  if (wanted === '') return hits;
  lines.forEach((line, index) => {
    const folded = fold(line.text);
    if (folded.length !== line.text.length) {
      if (folded.includes(wanted)) hits.set(index, []);
      return;
    }
    const ranges: [number, number][] = [];
    for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + wanted.length))
      ranges.push([at, at + wanted.length]);
    if (ranges.length > 0) hits.set(index, ranges);
  });
  return hits;
}
