import { StudioError } from '@shared/contract/result';

/** A sentence the teacher can read; StudioError messages are written for people already. */
export function describeError(error: unknown): string {
  if (error instanceof StudioError) return error.message;
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`;
  return 'Something went wrong. Try again.';
}

/** The service's message for each invalid field, keyed by path ("title", "description"). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof StudioError) || !error.issues) return {};
  const byPath: Record<string, string> = {};
  for (const issue of error.issues) byPath[issue.path] ??= issue.message;
  return byPath;
}

/** Field messages for the fields a form shows, or else one message for the whole form. */
export function splitFormError(
  error: unknown,
  fields: readonly string[],
): { fields: Record<string, string>; form: string | null } {
  const found = fieldErrors(error);
  const shown = Object.fromEntries(Object.entries(found).filter(([path]) => fields.includes(path)));
  return { fields: shown, form: Object.keys(shown).length > 0 ? null : describeError(error) };
}
