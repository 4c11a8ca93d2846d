/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). One in a title can make it display
 * as something else, or reorder the text around it (a file list, a toast, the CLI's table: "Trojan Source"). No
 * title needs them: the UI isolates each piece of user text itself (<bdi>), so they are dropped on the way in.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
