/**
 * What to call the captured screen. Browsers name a capture after its source, which is sometimes an internal address
 * (`current-web-contents-media-stream://…` for this tab, `screen:0:0` for a display); those get plain words instead.
 */
export function screenName(trackLabel: string | undefined): string {
  const label = trackLabel?.trim() ?? '';
  if (label.startsWith('current-web-contents') || label.startsWith('web-contents-media-stream')) return 'This window';
  if (/^screen:/i.test(label) || /^[a-z][\w+.-]*:\/\//i.test(label)) return 'Your screen';
  if (/^window:/i.test(label)) return 'A window';
  return label || 'Chosen';
}
