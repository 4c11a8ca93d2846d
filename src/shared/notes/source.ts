import { z } from 'zod';

/** About forty printed pages: notes are a reading beside a video, not a textbook. */
export const NOTES_MAX = 100_000;

export const notesSourceSchema = z
  .string()
  .max(NOTES_MAX, { error: `Notes are at most ${NOTES_MAX.toLocaleString('en')} characters` });

/**
 * A time as a teacher writes it in `<KeyMoment at="…">`: "1:23", "01:02:03", "83" or "1:23.5" (lesson time, as
 * the player's clock shows it). Null when it is not one.
 */
export function parseMomentTime(text: string): number | null {
  const match = /^(?:(\d{1,2}):)?(?:(\d{1,3}):)?(\d{1,5})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, first, second, seconds, fraction] = match;
  const hours = second === undefined ? 0 : Number(first ?? 0);
  const minutes = second === undefined ? Number(first ?? 0) : Number(second);
  if ((first !== undefined || second !== undefined) && Number(seconds) >= 60) return null;
  if (second !== undefined && minutes >= 60) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return ((hours * 60 + minutes) * 60 + Number(seconds)) * 1000 + millis;
}
