import type { NoteProblem } from './context';

interface PlacedError {
  readonly line?: number | null;
  readonly column?: number | null;
  readonly reason?: string;
  readonly message?: string;
  readonly source?: string | null;
  readonly ruleId?: string | null;
}

/**
 * MDX's parser speaks to programmers ("Could not parse expression with acorn"); a teacher gets what to type instead,
 * at the same line and column.
 */
export function friendlyParseError(error: unknown): NoteProblem {
  const placed = (typeof error === 'object' && error !== null ? error : {}) as PlacedError;
  const reason = placed.reason ?? placed.message ?? String(error);
  const at = { line: placed.line ?? 1, column: placed.column ?? 1 };
  if (placed.source === 'micromark-extension-mdx-expression' || /acorn/.test(reason))
    return {
      ...at,
      message:
        'Curly braces { } start JavaScript, which notes cannot run. Write \\{ for a brace, or <Formula tex="…" /> for maths',
    };
  if (/to create a comment in MDX/.test(reason))
    return { ...at, message: 'Notes cannot contain HTML comments (<!-- -->); delete it' };
  if (placed.source === 'micromark-extension-mdx-jsx' || /before name|after name|closing tag|opening tag/.test(reason))
    return {
      ...at,
      message: `A < starts a component here, but it is not written as one (${reason.replace(/\.$/, '')}). To write the sign itself, type \\<`,
    };
  return { ...at, message: reason };
}
