import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { checkPackage } from './check';
import { planPackage } from './plan';
import { fakeAssets, testDir, testSnapshot } from './testPackage.testkit';

describe('checkPackage on bad zips', () => {
  async function badZip(root: string, edit: (files: Map<string, Buffer>) => void): Promise<string> {
    const good = path.join(root, 'good.zip');
    const plan = planPackage(testSnapshot(root, { format: 'scorm12' }), fakeAssets(root));
    const files = new Map(
      plan.entries.map(
        (entry) => [entry.path, entry.kind === 'bytes' ? entry.data : fs.readFileSync(entry.file)] as const,
      ),
    );
    edit(files);
    const zip = new ZipFile();
    for (const [name, data] of files) zip.addBuffer(data, name);
    zip.end();
    await new Promise<void>((resolve, reject) =>
      zip.outputStream.pipe(fs.createWriteStream(good)).on('close', resolve).on('error', reject),
    );
    return good;
  }
  const failures = async (file: string, root: string) =>
    (await checkPackage(file, { schemaRoot: fakeAssets(root).schemaRoot })).lines
      .filter((line) => !line.ok)
      .map((line) => line.message);

  it('finds a path-traversal entry', async () => {
    const root = testDir();
    // yazl itself refuses "..", so the name is patched in the bytes: same length, so offsets stay right.
    const file = await badZip(root, (files) => files.set('xx/evil.txt', Buffer.from('x')));
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.from(bytes.toString('latin1').split('xx/evil.txt').join('../evil.txt'), 'latin1'));
    expect(await failures(file, root)).toEqual([expect.stringMatching(/Unsafe path: “..\/evil.txt” climbs out/)]);
  });

  it('finds a missing launch file and a missing schema file', async () => {
    const root = testDir();
    const file = await badZip(root, (files) => {
      files.delete('index.html');
      files.delete('adlcp_rootv1p2.xsd');
    });
    expect(await failures(file, root)).toEqual([
      'The package does not carry adlcp_rootv1p2.xsd, which the standard asks for',
      'The manifest names index.html, which is not in the package',
      'The launch page index.html is not in the package',
    ]);
  });

  it('finds an invalid manifest, and a zip that is not SCORM at all', async () => {
    const root = testDir();
    const file = await badZip(root, (files) => {
      const manifest = files.get('imsmanifest.xml')?.toString('utf8') ?? '';
      files.set('imsmanifest.xml', Buffer.from(manifest.replace('<resources>', '<resources><junk/>')));
    });
    const messages = await failures(file, root);
    expect(messages.some((message) => /against the schema files in the package: .*junk/.test(message))).toBe(true);
    expect(messages.some((message) => /against ADL's schema files: .*junk/.test(message))).toBe(true);
    const web = await badZip(root, (files) => files.delete('imsmanifest.xml'));
    expect(await failures(web, root)).toEqual([expect.stringMatching(/No imsmanifest.xml/)]);
    fs.writeFileSync(path.join(root, 'not.zip'), 'hello');
    expect(await failures(path.join(root, 'not.zip'), root)).toEqual([expect.stringMatching(/Not a readable zip/)]);
  });

  it('reads the manifest as XML: single-quoted attributes and another namespace prefix are the same manifest', async () => {
    const root = testDir();
    const file = await badZip(root, (files) => {
      const manifest = files.get('imsmanifest.xml')?.toString('utf8') ?? '';
      // Our writer escapes every ' inside values, so swapping the quotes keeps each attribute's value as it was.
      const quoted = manifest.replace(/="([^"]*)"/g, "='$1'");
      const prefixed = quoted
        .replace(
          /<(\/?)(manifest|metadata|schema|schemaversion|organizations|organization|title|item|resources|resource|file)\b/g,
          '<$1cp:$2',
        )
        .replace(
          "xmlns='http://www.imsproject.org/xsd/imscp_rootv1p1p2'",
          "xmlns:cp='http://www.imsproject.org/xsd/imscp_rootv1p1p2'",
        );
      expect(prefixed).toContain("<cp:resource identifier='SCO_1'");
      files.set('imsmanifest.xml', Buffer.from(prefixed));
    });
    const report = await checkPackage(file, { schemaRoot: fakeAssets(root).schemaRoot });
    expect(report.lines.filter((line) => !line.ok)).toEqual([]);
    expect(report.format).toBe('scorm12');
    expect(report.lines.map((line) => line.message)).toContain('Launch page: index.html');
  });

  it('says where a manifest is not well-formed, and finds a file named only through xml:base', async () => {
    const root = testDir();
    const broken = await badZip(root, (files) =>
      files.set('imsmanifest.xml', Buffer.from('<manifest><oops></manifest>')),
    );
    expect(await failures(broken, root)).toEqual([
      expect.stringMatching(/^imsmanifest.xml is not well-formed XML: line 1/),
    ]);
    const based = await badZip(root, (files) => {
      const manifest = files.get('imsmanifest.xml')?.toString('utf8') ?? '';
      files.set('imsmanifest.xml', Buffer.from(manifest.replace('<resources>', '<resources xml:base="sub/">')));
    });
    expect(await failures(based, root)).toContain('The manifest names sub/player.js, which is not in the package');
  });
});
