/**
 * A WebVTT cue's text as plain text: its tags (<v Speaker>, <i>, <c.yellow>, timestamps) dropped and the few entities
 * WebVTT defines decoded. The result is only ever set as textContent.
 */
export function cueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(amp|lt|gt|nbsp|lrm|rlm);/g,
      (_all, name: string) =>
        ({ amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' })[name] ?? '',
    )
    .trim();
}
