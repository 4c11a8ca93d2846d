import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { SCORM12_SCHEMA_FILES } from '@shared/publish/scorm12Manifest';
import { SCORM2004_SCHEMA_FILES } from '@shared/publish/scorm2004Manifest';

export type ScormVersion = 'scorm12' | 'scorm2004';

/** Folders under resources/schemas (see resources/schemas/NOTICE.md for where the files come from). */
export const SCHEMA_FOLDERS: Record<ScormVersion, string> = {
  scorm12: 'scorm12',
  scorm2004: 'scorm2004',
};
export const SCHEMA_FILES: Record<ScormVersion, readonly string[]> = {
  scorm12: SCORM12_SCHEMA_FILES,
  scorm2004: SCORM2004_SCHEMA_FILES,
};
export const ROOT_SCHEMA: Record<ScormVersion, string> = {
  scorm12: 'imscp_rootv1p1p2.xsd',
  scorm2004: 'imscp_v1p1.xsd',
};

/**
 * Every namespace our manifests use, with its schema: all are loaded, so strict wildcards can check them. The 1.2
 * metadata schema (imsmd) is not among them: its content models are not deterministic, which libxml2 refuses to
 * compile, so our 1.2 manifests carry no LOM metadata (packages still carry the file, as the standard asks).
 */
const NAMESPACES: Record<ScormVersion, Record<string, string>> = {
  scorm12: {
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
    'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
  },
  scorm2004: {
    'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
  },
};

/**
 * libxml2 validates against one schema and does not follow xsi:schemaLocation hints, so it would find no declaration
 * for adlcp:masteryscore. This driver only imports the official files, one per namespace; it declares nothing.
 */
function driverSchema(version: ScormVersion): SchemaFile {
  const imports = Object.entries(NAMESPACES[version]).map(
    ([namespace, file]) => `  <xs:import namespace="${namespace}" schemaLocation="${file}"/>`,
  );
  const contents = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:flipside:schema-driver">',
    ...imports,
    '</xs:schema>',
    '',
  ].join('\n');
  return { fileName: 'flipside-driver.xsd', contents };
}

/**
 * Where the schema files are: the packaged app's resources folder (electron-builder's extraResources), else the
 * repository's resources/schemas found from the built main (out/main → ../..) or the working folder (tests, CLI).
 */
export function locateSchemaRoot(candidates: readonly string[] = defaultCandidates()): string {
  for (const candidate of candidates) {
    if (fs.existsSync(path.join(candidate, SCHEMA_FOLDERS.scorm12, ROOT_SCHEMA.scorm12))) return candidate;
  }
  throw new Error(`The schema files are missing (looked in ${candidates.join(', ')}); reinstall the app.`);
}

/**
 * The build's out/ folder: the nearest ancestor of this module holding player/index.html. Main's code may sit in
 * out/main or in a shared chunk under out/main/chunks, so a fixed `../` would be wrong for one of them.
 */
export function outDir(from: string = __dirname): string | null {
  for (let dir = from, up = 0; up < 4; dir = path.dirname(dir), up += 1) {
    if (fs.existsSync(path.join(dir, 'player', 'index.html'))) return dir;
  }
  return null;
}

function defaultCandidates(): string[] {
  const out = outDir();
  // Electron sets resourcesPath; Node (the CLI, the browser host, tests) has none.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  return [
    ...(packaged ? [path.join(packaged, 'schemas')] : []),
    ...(out ? [path.join(path.dirname(out), 'resources', 'schemas')] : []),
    path.join(process.cwd(), 'resources', 'schemas'),
  ];
}

export interface SchemaFile {
  readonly fileName: string;
  readonly contents: string;
}

export function readSchemaFiles(root: string, version: ScormVersion): SchemaFile[] {
  return SCHEMA_FILES[version].map((fileName) => ({
    fileName,
    contents: fs.readFileSync(path.join(root, SCHEMA_FOLDERS[version], fileName), 'utf8'),
  }));
}

/**
 * SCORM 1.2's ims_xml.xsd binds the xml namespace as its default namespace, which libxml2 (rightly, per Namespaces
 * in XML) refuses, and then loses every schema that imports it. For checking only, the W3C's own schema for that
 * namespace (xml.xsd, shipped with the 2004 set) stands in under the same name; packages still carry ADL's file.
 */
export function forLibxml(schemas: readonly SchemaFile[], root: string): SchemaFile[] {
  const w3c = path.join(root, SCHEMA_FOLDERS.scorm2004, 'xml.xsd');
  return schemas.map((file) =>
    file.fileName === 'ims_xml.xsd' && fs.existsSync(w3c)
      ? { fileName: file.fileName, contents: fs.readFileSync(w3c, 'utf8') }
      : file,
  );
}

/** cmi5's course structure schema: one file, no imports, so libxml2 takes it as it is. */
const CMI5_SCHEMA = { folder: 'cmi5', file: 'CourseStructure.xsd' } as const;

/** Validates a cmi5.xml against resources/schemas/cmi5/CourseStructure.xsd. */
export async function validateCourseStructure(xml: string, root: string): Promise<ManifestVerdict> {
  return runValidation(xml, 'cmi5.xml', [
    {
      fileName: CMI5_SCHEMA.file,
      contents: fs.readFileSync(path.join(root, CMI5_SCHEMA.folder, CMI5_SCHEMA.file), 'utf8'),
    },
  ]);
}

/**
 * Common Cartridge 1.1's schema files (IMS's own, as Moodle vendors them in backup/cc/schemas11): their imports are
 * relative file names, so libxml2 resolves them among the preloaded files without the network.
 */
const CC_FOLDER = 'cc11';
export const CC_SCHEMA_FILES = [
  'ccv1p1_imscp_v1p2_v1p0.xsd',
  'ccv1p1_imsccauth_v1p1.xsd',
  'ccv1p1_lommanifest_v1p0.xsd',
  'ccv1p1_lomresource_v1p0.xsd',
  'imslticc_v1p0p1.xsd',
  'imsbasiclti_v1p0p1.xsd',
  'imslticm_v1p0.xsd',
  'imslticp_v1p0.xsd',
  'xml.xsd',
] as const;

function ccSchemaFiles(root: string): SchemaFile[] {
  return CC_SCHEMA_FILES.map((fileName) => ({
    fileName,
    contents: fs.readFileSync(path.join(root, CC_FOLDER, fileName), 'utf8'),
  }));
}

/** Validates a cartridge's imsmanifest.xml against the CC 1.1 content packaging profile (with its LOM profiles). */
export async function validateCartridgeManifest(xml: string, root: string): Promise<ManifestVerdict> {
  const files = ccSchemaFiles(root);
  const main = files.filter((file) => file.fileName === 'ccv1p1_imscp_v1p2_v1p0.xsd');
  return runValidation(
    xml,
    'imsmanifest.xml',
    main,
    files.filter((file) => !main.includes(file)),
  );
}

/** Validates one LTI link file of a cartridge against imslticc_v1p0p1.xsd (Basic LTI's link, as CC 1.1 profiles it). */
export async function validateCartridgeLtiLink(xml: string, fileName: string, root: string): Promise<ManifestVerdict> {
  const files = ccSchemaFiles(root);
  const main = files.filter((file) => file.fileName === 'imslticc_v1p0p1.xsd');
  return runValidation(
    xml,
    fileName,
    main,
    files.filter((file) => !main.includes(file)),
  );
}

export interface ManifestVerdict {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/** Validates a manifest with libxml2 (compiled to wasm, so no native library), given the schema files to use. */
export async function validateManifest(
  xml: string,
  version: ScormVersion,
  schemas: readonly SchemaFile[],
): Promise<ManifestVerdict> {
  const missing = Object.values(NAMESPACES[version]).filter(
    (file) => !schemas.some((schema) => schema.fileName === file),
  );
  if (missing.length > 0) return { valid: false, errors: [`Schema files missing: ${missing.join(', ')}`] };
  return runValidation(xml, 'imsmanifest.xml', [driverSchema(version)], schemas);
}

async function runValidation(
  xml: string,
  fileName: string,
  schema: readonly SchemaFile[],
  preload: readonly SchemaFile[] = [],
): Promise<ManifestVerdict> {
  try {
    const result = await validateXML({
      xml: [{ fileName, contents: xml }],
      schema: [...schema],
      preload: [...preload],
    });
    return {
      valid: result.valid,
      errors: result.errors.map((error) =>
        error.loc ? `line ${error.loc.lineNumber}: ${error.message}` : error.message,
      ),
    };
  } catch (error) {
    return {
      valid: false,
      errors: [`${fileName} could not be checked: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}
