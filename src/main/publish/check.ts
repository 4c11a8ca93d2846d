import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CMI5_COURSE_FILE } from '@shared/publish/cmi5Course';
import { zipPathProblem } from '@shared/publish/zipPath';
import { checkCartridge } from './checkCartridge';
import { cartridgeContents, cmi5Aus, scormFiles, scormVersionOf } from './manifestRead';
import {
  forLibxml,
  readSchemaFiles,
  SCHEMA_FILES,
  validateCourseStructure,
  validateManifest,
  type SchemaFile,
  type ScormVersion,
} from './schemas';
import { parseXml, type XmlElement } from './xmlTree';
import { readText, report, type CheckLine, type Checker } from './checkParts';

export type { CheckLine } from './checkParts';

export type PackageFormat = ScormVersion | 'cmi5' | 'cc';

export const PACKAGE_FORMAT_NAMES: Record<PackageFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th edition',
  cmi5: 'cmi5',
  cc: 'Common Cartridge 1.1',
};

export interface CheckReport {
  readonly ok: boolean;
  readonly format: PackageFormat | null;
  readonly lines: readonly CheckLine[];
}

const ENTRIES_MAX = 10_000;

/**
 * Checks a SCORM, cmi5 or Common Cartridge package as an LMS would meet it: safe relative paths, then for SCORM a manifest valid against
 * both the schema files the package carries and our own copies of ADL's, every file it names present and a launch
 * page; for cmi5 a course structure valid against the cmi5 schema with every AU's launch page present. Manifests are
 * read with an XML parser, namespaces resolved, so any well-formed spelling (quotes, prefixes, entities) reads alike.
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

    const checker: Checker = { zip, names, schemaRoot: options.schemaRoot, pass, fail };
    const manifestEntry = names.get('imsmanifest.xml');
    const courseEntry = names.get(CMI5_COURSE_FILE);
    let format: PackageFormat | null = null;
    if (manifestEntry) format = await checkScorm(checker, await readText(zip, manifestEntry));
    else if (courseEntry) format = await checkCmi5(checker, await readText(zip, courseEntry));
    else
      fail(
        `No imsmanifest.xml (SCORM, Common Cartridge) or ${CMI5_COURSE_FILE} (cmi5) at the root of the package: an LMS will not recognise it`,
      );
    const ok = format !== null && lines.every((line) => line.ok);
    return { ok, format, lines };
  } catch (error) {
    fail(`The package could not be read: ${messageOf(error)}`);
    return { ok: false, format: null, lines };
  } finally {
    zip.close();
  }
}

/**
 * A SCORM manifest: well-formed, valid against the schema files the package carries and ours, every file present. A
 * Common Cartridge's manifest has the same name; its namespace tells them apart.
 */
async function checkScorm(checker: Checker, manifest: string): Promise<PackageFormat | null> {
  const { names, pass, fail, schemaRoot } = checker;
  const root = parsedRoot(manifest, 'imsmanifest.xml', fail);
  const cartridge = root && cartridgeContents(root);
  if (cartridge) return checkCartridge(checker, manifest, cartridge);
  const format = root && scormVersionOf(root);
  if (!root || !format) {
    if (root)
      fail(
        'imsmanifest.xml is neither SCORM 1.2 nor SCORM 2004 4th edition (its namespace or schemaversion is not one we know)',
      );
    return null;
  }
  pass(`imsmanifest.xml is ${format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004 4th edition'}`);

  const carried: SchemaFile[] = [];
  for (const fileName of SCHEMA_FILES[format]) {
    const entry = names.get(fileName);
    if (entry) carried.push({ fileName, contents: await readText(checker.zip, entry) });
    else fail(`The package does not carry ${fileName}, which the standard asks for`);
  }
  if (carried.length === SCHEMA_FILES[format].length) {
    report(
      await validateManifest(manifest, format, forLibxml(carried, schemaRoot)),
      'imsmanifest.xml',
      'the schema files in the package',
      checker,
    );
  }
  report(
    await validateManifest(manifest, format, forLibxml(readSchemaFiles(schemaRoot, format), schemaRoot)),
    'imsmanifest.xml',
    "ADL's schema files",
    checker,
  );

  const { launch, files } = scormFiles(root, format);
  const missing = files.filter((file) => !names.has(file));
  for (const file of missing) fail(`The manifest names ${file}, which is not in the package`);
  if (files.length > 0 && missing.length === 0) pass(`All ${files.length} files the manifest names are present`);
  if (launch === null) fail('No SCO resource with a launch page (href) in the manifest');
  else if (!names.has(launch)) fail(`The launch page ${launch} is not in the package`);
  else pass(`Launch page: ${launch}`);
  return format;
}

/** A cmi5 course: cmi5.xml valid against the cmi5 schema, AU ids unique, every relative AU url in the package. */
async function checkCmi5(checker: Checker, course: string): Promise<'cmi5' | null> {
  const { names, pass, fail } = checker;
  const root = parsedRoot(course, CMI5_COURSE_FILE, fail);
  const aus = root && cmi5Aus(root);
  if (!root || !aus) {
    if (root) fail(`${CMI5_COURSE_FILE} is not a cmi5 course structure (its root element or namespace is wrong)`);
    return null;
  }
  report(await validateCourseStructure(course, checker.schemaRoot), CMI5_COURSE_FILE, 'the cmi5 schema', checker);
  if (aus.length === 0) fail(`${CMI5_COURSE_FILE} has no AU`);
  const ids = new Set(aus.map((au) => au.id));
  if (ids.size !== aus.length) fail(`Two AUs in ${CMI5_COURSE_FILE} have the same id`);
  for (const au of aus) {
    if (au.file === null) pass(`AU ${au.id} is hosted elsewhere: ${au.url}`);
    else if (!names.has(au.file)) fail(`The AU ${au.id} launches ${au.file}, which is not in the package`);
  }
  const inside = aus.filter((au) => au.file !== null);
  if (inside.length > 0 && inside.every((au) => au.file !== null && names.has(au.file)))
    pass(
      `${inside.length} AU${inside.length === 1 ? '' : 's'}, each launch page present: ${inside.map((au) => au.file).join(', ')}`,
    );
  return 'cmi5';
}

function parsedRoot(xml: string, fileName: string, fail: (message: string) => void): XmlElement | null {
  const parsed = parseXml(xml);
  if ('error' in parsed) {
    fail(`${fileName} is not well-formed XML: ${parsed.error}`);
    return null;
  }
  return parsed.root;
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
