import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { zipPathProblem } from '@shared/publish/zipPath';
import {
  forLibxml,
  readSchemaFiles,
  SCHEMA_FILES,
  validateManifest,
  type SchemaFile,
  type ScormVersion,
} from './schemas';

export interface CheckLine {
  readonly ok: boolean;
  readonly message: string;
}

export interface CheckReport {
  readonly ok: boolean;
  readonly format: ScormVersion | null;
  readonly lines: readonly CheckLine[];
}

/** Small files we read whole (the manifest and schemas); anything bigger named so is refused, not loaded. */
const TEXT_MAX = 4 * 1024 * 1024;
const ENTRIES_MAX = 10_000;

/**
 * Checks a SCORM package as an LMS would meet it: safe relative paths, a manifest valid against both the schema files
 * the package carries and our own copies of ADL's, every file the manifest names present, and a launch page.
 */
export async function checkPackage(zipPath: string, options: { schemaRoot: string }): Promise<CheckReport> {
  const lines: CheckLine[] = [];
  const pass = (message: string) => lines.push({ ok: true, message });
  const fail = (message: string) => lines.push({ ok: false, message });
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    fail(`Not a readable zip file: ${messageOf(error)}`);
    return { ok: false, format: null, lines };
  }
  try {
    const entries = await readEntries(zip);
    if (entries.length > ENTRIES_MAX) fail(`The package has ${entries.length} entries, more than ${ENTRIES_MAX}`);
    const names = new Map<string, Entry>();
    const unsafe = entries
      .map(({ name }) => zipPathProblem(name))
      .filter((problem): problem is string => problem !== null);
    for (const problem of unsafe) fail(`Unsafe path: ${problem}`);
    if (unsafe.length === 0) pass(`All ${entries.length} paths are relative and stay inside the package`);
    for (const { name, entry } of entries) names.set(name, entry);

    const manifestEntry = names.get('imsmanifest.xml');
    if (!manifestEntry) {
      fail('No imsmanifest.xml at the root of the package: an LMS will not recognise it as SCORM');
      return { ok: false, format: null, lines };
    }
    const manifest = await readText(zip, manifestEntry);
    const format = detectFormat(manifest);
    if (!format) {
      fail(
        'imsmanifest.xml is neither SCORM 1.2 nor SCORM 2004 4th edition (its namespace or schemaversion is not one we know)',
      );
      return { ok: false, format: null, lines };
    }
    pass(`imsmanifest.xml is ${format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004 4th edition'}`);

    const carried: SchemaFile[] = [];
    for (const fileName of SCHEMA_FILES[format]) {
      const entry = names.get(fileName);
      if (entry) carried.push({ fileName, contents: await readText(zip, entry) });
      else fail(`The package does not carry ${fileName}, which the standard asks for`);
    }
    if (carried.length === SCHEMA_FILES[format].length) {
      report(
        await validateManifest(manifest, format, forLibxml(carried, options.schemaRoot)),
        'the schema files in the package',
        pass,
        fail,
      );
    }
    report(
      await validateManifest(
        manifest,
        format,
        forLibxml(readSchemaFiles(options.schemaRoot, format), options.schemaRoot),
      ),
      "ADL's schema files",
      pass,
      fail,
    );

    const { launch, files } = referencedFiles(manifest);
    const missing = files.filter((file) => !names.has(file));
    for (const file of missing) fail(`The manifest names ${file}, which is not in the package`);
    if (files.length > 0 && missing.length === 0) pass(`All ${files.length} files the manifest names are present`);
    if (launch === null) fail('No SCO resource with a launch page (href) in the manifest');
    else if (!names.has(launch)) fail(`The launch page ${launch} is not in the package`);
    else pass(`Launch page: ${launch}`);
    return { ok: lines.every((line) => line.ok), format, lines };
  } catch (error) {
    fail(`The package could not be read: ${messageOf(error)}`);
    return { ok: false, format: null, lines };
  } finally {
    zip.close();
  }
}

function report(
  verdict: { valid: boolean; errors: readonly string[] },
  against: string,
  pass: (m: string) => void,
  fail: (m: string) => void,
): void {
  if (verdict.valid) pass(`imsmanifest.xml is valid against ${against}`);
  else for (const error of verdict.errors.slice(0, 10)) fail(`imsmanifest.xml against ${against}: ${error}`);
}

function detectFormat(manifest: string): ScormVersion | null {
  if (/xmlns="http:\/\/www\.imsproject\.org\/xsd\/imscp_rootv1p1p2"/.test(manifest)) return 'scorm12';
  if (
    /xmlns="http:\/\/www\.imsglobal\.org\/xsd\/imscp_v1p1"/.test(manifest) &&
    /<schemaversion>\s*2004 4th Edition\s*<\/schemaversion>/.test(manifest)
  )
    return 'scorm2004';
  return null;
}

/** After schema validation the manifest is well-formed, so reading attributes with a pattern is safe enough. */
export function referencedFiles(manifest: string): { launch: string | null; files: string[] } {
  const files = new Set<string>();
  let launch: string | null = null;
  for (const match of manifest.matchAll(/<(?:\w+:)?(resource|file)\b([^>]*)>/g)) {
    const [, tag, attributes = ''] = match;
    const href = /\shref="([^"]*)"/.exec(attributes)?.[1];
    if (href === undefined) continue;
    const file = decodeHref(href);
    files.add(file);
    if (tag === 'resource' && launch === null && /scorm[tT]ype="sco"/.test(attributes)) launch = file;
  }
  return { launch, files: [...files] };
}

function decodeHref(href: string): string {
  const unescaped = href
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  try {
    return decodeURIComponent(unescaped.split(/[?#]/)[0] ?? '');
  } catch {
    return unescaped;
  }
}

function readEntries(zip: ZipFile): Promise<{ name: string; entry: Entry }[]> {
  return new Promise((resolve, reject) => {
    const found: { name: string; entry: Entry }[] = [];
    zip.on('entry', (entry: Entry) => {
      // Bit 11: the name is UTF-8; otherwise CP437, of which Latin-1 is a close enough reading for a report.
      const name = entry.fileNameRaw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1');
      found.push({ name, entry });
      if (found.length > ENTRIES_MAX) resolve(found);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
}

async function readText(zip: ZipFile, entry: Entry): Promise<string> {
  if (entry.uncompressedSize > TEXT_MAX)
    throw new Error(`${entry.fileNameRaw.toString()} is too large to be a manifest or schema`);
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
