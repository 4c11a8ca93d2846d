import type { Entry, ZipFile } from 'yauzl';

export interface CheckLine {
  readonly ok: boolean;
  readonly message: string;
}

export interface Checker {
  readonly zip: ZipFile;
  readonly names: ReadonlyMap<string, Entry>;
  readonly schemaRoot: string;
  readonly pass: (message: string) => void;
  readonly fail: (message: string) => void;
}

/** Small files we read whole (the manifest and schemas); anything bigger named so is refused, not loaded. */
const TEXT_MAX = 4 * 1024 * 1024;

export function report(
  verdict: { valid: boolean; errors: readonly string[] },
  fileName: string,
  against: string,
  { pass, fail }: Pick<Checker, 'pass' | 'fail'>,
): void {
  if (verdict.valid) pass(`${fileName} is valid against ${against}`);
  else for (const error of verdict.errors.slice(0, 10)) fail(`${fileName} against ${against}: ${error}`);
}

export async function readText(zip: ZipFile, entry: Entry): Promise<string> {
  if (entry.uncompressedSize > TEXT_MAX)
    throw new Error(`${entry.fileNameRaw.toString()} is too large to be a manifest or schema`);
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
