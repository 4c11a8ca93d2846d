import type { BubbleRect, FrameSize } from '../editor/bubbleGeometry';
import { wrapText } from './calloutLook';

/**
 * How burned-in captions look, as numbers: sizes are fractions of the frame's height so a 360p and a 1080p render
 * read the same; light text on a dark box, readable over any picture.
 */
export const CAPTION_TEXT_COLOR = '#ffffff';
/** Black at 80 %: over a white slide the box is still rgb(51 51 51), 12.6:1 against the text (WCAG AAA is 7:1). */
export const CAPTION_BOX_ALPHA = 0.8;
export const CAPTION_BOX_COLOR = `rgb(0 0 0 / ${String(CAPTION_BOX_ALPHA)})`;
/** Text height as a fraction of the frame's: 36 px at 720p, shrunk to no less than 28 px before a cue is paged. */
export const CAPTION_SIZE = 0.05;
export const CAPTION_MIN_SIZE = 0.039;
/** Title-safe area: captions stay this far above the bottom and in from each side (fractions of height and width). */
export const CAPTION_BOTTOM_MARGIN = 0.08;
export const CAPTION_SIDE_MARGIN = 0.1;
/** The most lines shown at once; a longer cue is shown in pages of this many, one after another within its time. */
export const CAPTION_MAX_LINES = 2;
/** Never smaller than this in pixels, however small the frame. */
const MIN_FONT_PX = 12;

export const captionFont = (fontSize: number) => `600 ${String(fontSize)}px system-ui, sans-serif`;

export interface CaptionLine {
  readonly text: string;
  /** The line's centre, where it is drawn with textAlign centre and textBaseline middle. */
  readonly x: number;
  readonly y: number;
}

export interface CaptionPage {
  readonly lines: readonly CaptionLine[];
  /** The dark box behind the lines. */
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** How many characters the page shows: a cue's time is shared among its pages by these. */
  readonly characters: number;
}

export interface CaptionLayout {
  readonly fontSize: number;
  readonly font: string;
  readonly radius: number;
  readonly pages: readonly [CaptionPage, ...CaptionPage[]];
}

/**
 * Where one cue's text goes on a frame: wrapped by measured width (`measure` gives a string's width in a canvas font,
 * the canvas's measureText wherever it runs) inside the title-safe area, at most two lines, centred near the bottom.
 * A cue too long for two lines at the normal size is set smaller, down to CAPTION_MIN_SIZE, and beyond that shown in
 * pages. A camera bubble the box would overlap (one at the bottom centre) pushes the captions up above it. Null for a
 * cue with no text.
 */
export function layoutCaption(
  text: string,
  frame: FrameSize,
  measure: (text: string, font: string) => number,
  bubble: BubbleRect | null,
): CaptionLayout | null {
  const largest = Math.max(MIN_FONT_PX, Math.round(CAPTION_SIZE * frame.height));
  const smallest = Math.max(MIN_FONT_PX, Math.round(CAPTION_MIN_SIZE * frame.height));
  let fontSize = largest;
  let lines: string[] = [];
  let font = captionFont(fontSize);
  for (;;) {
    font = captionFont(fontSize);
    const widthOf = (line: string) => measure(line, font);
    lines = wrapText(text, textWidth(frame, fontSize), widthOf);
    if (lines.length <= CAPTION_MAX_LINES || fontSize <= smallest) break;
    fontSize = Math.max(smallest, Math.round(fontSize * 0.92));
  }
  if (lines.length === 0) return null;
  const widthOf = (line: string) => measure(line, font);
  const page = (start: number) =>
    placePage(lines.slice(start, start + CAPTION_MAX_LINES), frame, fontSize, widthOf, bubble);
  const pages: [CaptionPage, ...CaptionPage[]] = [page(0)];
  for (let start = CAPTION_MAX_LINES; start < lines.length; start += CAPTION_MAX_LINES) pages.push(page(start));
  return { fontSize, font, radius: Math.round(fontSize * 0.2), pages };
}

/** The page of a paged cue showing at `lessonMs`, each page on screen for its share of the cue's characters. */
export function pageAt(layout: CaptionLayout, cue: { start: number; end: number }, lessonMs: number): CaptionPage {
  const total = layout.pages.reduce((sum, page) => sum + page.characters, 0);
  let until = cue.start;
  for (const page of layout.pages) {
    until += ((cue.end - cue.start) * page.characters) / Math.max(total, 1);
    if (lessonMs < until) return page;
  }
  return layout.pages.at(-1) ?? layout.pages[0];
}

const paddingX = (fontSize: number) => Math.round(fontSize * 0.5);
const paddingY = (fontSize: number) => Math.round(fontSize * 0.2);
const lineHeight = (fontSize: number) => Math.round(fontSize * 1.3);
const textWidth = (frame: FrameSize, fontSize: number) =>
  frame.width * (1 - 2 * CAPTION_SIDE_MARGIN) - 2 * paddingX(fontSize);

function placePage(
  lines: readonly string[],
  frame: FrameSize,
  fontSize: number,
  widthOf: (line: string) => number,
  bubble: BubbleRect | null,
): CaptionPage {
  const width = Math.ceil(Math.max(...lines.map(widthOf))) + 2 * paddingX(fontSize);
  const height = lines.length * lineHeight(fontSize) + 2 * paddingY(fontSize);
  const x = Math.round((frame.width - width) / 2);
  let bottom = Math.round(frame.height * (1 - CAPTION_BOTTOM_MARGIN));
  if (bubble && overlaps({ x, y: bottom - height, width, height }, bubble))
    bottom = Math.round(bubble.y - CAPTION_BOTTOM_MARGIN * frame.height * 0.5);
  const y = Math.max(0, bottom - height);
  return {
    lines: lines.map((text, index) => ({
      text,
      x: frame.width / 2,
      y: y + paddingY(fontSize) + (index + 0.5) * lineHeight(fontSize),
    })),
    box: { x, y, width, height },
    characters: lines.reduce((sum, line) => sum + line.length, 0),
  };
}

function overlaps(
  box: { x: number; y: number; width: number; height: number },
  other: { x: number; y: number; width: number; height: number },
): boolean {
  return (
    box.x < other.x + other.width &&
    other.x < box.x + box.width &&
    box.y < other.y + other.height &&
    other.y < box.y + box.height
  );
}
