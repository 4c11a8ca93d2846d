import { parseArgs } from 'node:util';

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  trash: { type: 'boolean', default: false },
  search: { type: 'string', default: '' },
  sort: { type: 'string', default: 'updated' },
  title: { type: 'string' },
  description: { type: 'string' },
  project: { type: 'string' },
  lesson: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  course: { type: 'string', default: 'lesson' },
  lessons: { type: 'string', default: 'link' },
  height: { type: 'string', default: '720' },
  force: { type: 'boolean', default: false },
  'no-captions': { type: 'boolean', default: false },
  'burn-captions': { type: 'string' },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} as const;

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Every command's line but serve's, as its options and its words; an unknown option is a usage mistake. */
export function parseCliArgs(argv: readonly string[]): { values: CliValues; positionals: string[] } {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

/** A mistake in how the command was typed: exit code 2 and a hint to read --help. */
export class UsageError extends Error {}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}
