import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { checkPackage } from './check';
import { planPackage, withLmsMeta } from './plan';
import { fakeAssets, tempDir, testSnapshot } from './testPackage.testkit';
import { Cancelled, totalBytes, writeFolder, writeZip } from './write';
import { reserveOutput } from '../jobs/outputs';

const dirs: string[] = [];
const dir = () => {
  const made = tempDir();
  dirs.push(made);
  return made;
};
afterEach(() => {
  for (const made of dirs.splice(0)) fs.rmSync(made, { recursive: true, force: true });
});
const options = (signal = new AbortController().signal) => ({
  signal,
  onBytes: () => undefined,
  mtime: new Date(1_700_000_000_000),
});

describe('planPackage', () => {
  it('lists the same player files for every format, plus the manifest and schemas for SCORM', () => {
    const root = dir();
    const assets = fakeAssets(root);
    const sco = ['index.html', 'player.js', 'player.css', 'lesson.json', 'lesson.js', 'media/720p.mp4'];
    expect(planPackage(testSnapshot(root, { format: 'web' }), assets).entries.map((entry) => entry.path)).toEqual(sco);
    const scorm12 = planPackage(testSnapshot(root, { format: 'scorm12' }), assets).entries.map((entry) => entry.path);
    expect(scorm12).toEqual([
      'imsmanifest.xml',
      'imscp_rootv1p1p2.xsd',
      'adlcp_rootv1p2.xsd',
      'imsmd_rootv1p2p1.xsd',
      'ims_xml.xsd',
      ...sco,
    ]);
    const scorm2004 = planPackage(testSnapshot(root, { format: 'scorm2004' }), assets).entries.map(
      (entry) => entry.path,
    );
    expect(scorm2004[0]).toBe('imsmanifest.xml');
    expect(scorm2004).toContain('imsss_v1p0.xsd');
    expect(scorm2004.slice(-sco.length)).toEqual(sco);
  });

  it('tells the player which LMS to look for and writes one lesson as json and as script', () => {
    const root = dir();
    const plan = planPackage(testSnapshot(root, { format: 'scorm2004' }), fakeAssets(root));
    const text = (name: string) => {
      const entry = plan.entries.find((candidate) => candidate.path === name);
      return entry?.kind === 'bytes' ? entry.data.toString('utf8') : '';
    };
    expect(text('index.html')).toContain('<meta name="flipside-lms" content="scorm2004">');
    const script = text('lesson.js');
    expect(script).not.toContain('<');
    const fromScript = JSON.parse(script.replace(/^window\.FLIPSIDE_LESSON = /, '').replace(/;\n$/, '')) as unknown;
    expect(fromScript).toEqual(JSON.parse(text('lesson.json')));
    expect(plan.lesson.media.renditions).toEqual([
      { label: '720p', src: 'media/720p.mp4', type: 'video/mp4', width: 1280, height: 720 },
    ]);
    expect(plan.lesson.checkpoints).toHaveLength(2);
    expect(plan.lesson.rules.masteryPercent).toBe(80);
  });
});

describe('withLmsMeta', () => {
  it('places the LMS tag after the charset, however the built page writes it', () => {
    for (const charset of ['<meta charset="utf-8">', '<meta charset="utf-8" />'])
      expect(withLmsMeta(`<head>${charset}<title>x</title></head>`, 'scorm12')).toBe(
        `<head>${charset}\n    <meta name="flipside-lms" content="scorm12"><title>x</title></head>`,
      );
  });
});

describe('writing packages', () => {
  it('writes a SCORM zip that passes the check, with nothing left beside it', async () => {
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const root = dir();
      const plan = planPackage(testSnapshot(root, { format }), fakeAssets(root));
      const target = reserveOutput(root, 'out', '.zip', 'file');
      const { out } = target;
      const size = await writeZip(plan.entries, target, options());
      expect(size).toBe(fs.statSync(out).size);
      expect(fs.existsSync(`${out}.part`)).toBe(false);
      const report = await checkPackage(out, { schemaRoot: fakeAssets(root).schemaRoot });
      expect(report.lines.filter((line) => !line.ok)).toEqual([]);
      expect(report).toMatchObject({ ok: true, format });
    }
  });

  it('leaves nothing behind when cancelled mid-write, zip or folder', async () => {
    const root = dir();
    const plan = planPackage(testSnapshot(root, { format: 'scorm12' }, 8_000_000), fakeAssets(root));
    const total = totalBytes(plan.entries);
    for (const write of [writeZip, writeFolder]) {
      const controller = new AbortController();
      const target =
        write === writeZip
          ? reserveOutput(root, 'cancelled', '.zip', 'file')
          : reserveOutput(root, 'cancelled', '', 'folder');
      const seen: number[] = [];
      const running = write(plan.entries, target, {
        ...options(controller.signal),
        onBytes: (done) => {
          seen.push(done);
          if (done > total / 4) controller.abort();
        },
      });
      await expect(running).rejects.toBeInstanceOf(Cancelled);
      expect(seen.length).toBeGreaterThan(0);
      expect(fs.readdirSync(root).filter((name) => name.startsWith('cancelled'))).toEqual([]);
    }
  });

  it('writes the web folder by renaming its reserved .part folder, refusing to replace what appeared meanwhile', async () => {
    const root = dir();
    const plan = planPackage(testSnapshot(root, { format: 'web' }), fakeAssets(root));
    const target = reserveOutput(root, 'site', '', 'folder');
    const { out } = target;
    await writeFolder(plan.entries, target, options());
    expect(fs.readdirSync(out).sort()).toEqual([
      'index.html',
      'lesson.js',
      'lesson.json',
      'media',
      'player.css',
      'player.js',
    ]);
    expect(fs.statSync(path.join(out, 'media/720p.mp4')).size).toBe(200_000);
    const next = reserveOutput(root, 'site', '', 'folder');
    expect(next.out).toBe(path.join(root, 'site-2'));
    fs.mkdirSync(next.out);
    fs.writeFileSync(path.join(next.out, 'notes.txt'), 'mine');
    await expect(writeFolder(plan.entries, next, options())).rejects.toThrow(/appeared while the studio was writing/);
    expect(fs.readdirSync(next.out)).toEqual(['notes.txt']);
    expect(fs.existsSync(next.part)).toBe(false);
  });

  it('refuses to write an unsafe path', async () => {
    const root = dir();
    const entries = [{ path: '../evil.html', kind: 'bytes' as const, data: Buffer.from('x'), compress: true }];
    const target = reserveOutput(root, 'x', '.zip', 'file');
    await expect(writeZip(entries, target, options())).rejects.toThrow(/climbs out/);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

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
    const root = dir();
    // yazl itself refuses "..", so the name is patched in the bytes: same length, so offsets stay right.
    const file = await badZip(root, (files) => files.set('xx/evil.txt', Buffer.from('x')));
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.from(bytes.toString('latin1').split('xx/evil.txt').join('../evil.txt'), 'latin1'));
    expect(await failures(file, root)).toEqual([expect.stringMatching(/Unsafe path: “..\/evil.txt” climbs out/)]);
  });

  it('finds a missing launch file and a missing schema file', async () => {
    const root = dir();
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
    const root = dir();
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
});

describe('captions in packages', () => {
  const captions = [
    { label: 'English', srclang: 'en', text: 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello\n' },
    { label: 'Português (Brasil)', srclang: 'pt-BR', text: 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nOlá\n' },
  ];

  it('carries each file as captions/<srclang>.vtt, lists it in lesson.json, and a SCORM zip with them passes the check', async () => {
    for (const format of ['web', 'scorm12', 'scorm2004'] as const) {
      const root = dir();
      const plan = planPackage(testSnapshot(root, { format }, 200_000, captions), fakeAssets(root));
      const paths = plan.entries.map((entry) => entry.path);
      expect(paths).toEqual(expect.arrayContaining(['captions/en.vtt', 'captions/pt-br.vtt']));
      expect(plan.lesson.media.captions).toEqual([
        { label: 'English', srclang: 'en', src: 'captions/en.vtt' },
        { label: 'Português (Brasil)', srclang: 'pt-BR', src: 'captions/pt-br.vtt' },
      ]);
      const script = plan.entries.find((entry) => entry.path === 'lesson.js');
      const source = script?.kind === 'bytes' ? script.data.toString('utf8') : '';
      expect(source).not.toContain('<');
      expect(source).toContain('"WEBVTT\\n\\n00:00:01.000 --> 00:00:03.000\\nOlá\\n"');
      if (format === 'web') continue;
      const manifest = plan.entries.find((entry) => entry.path === 'imsmanifest.xml');
      expect(manifest?.kind === 'bytes' ? manifest.data.toString('utf8') : '').toContain('href="captions/pt-br.vtt"');
      const { out, part } = reserveOutput(root, 'out', '.zip', 'file');
      await writeZip(plan.entries, { out, part }, options());
      const report = await checkPackage(out, { schemaRoot: fakeAssets(root).schemaRoot });
      expect(report.lines.filter((line) => !line.ok)).toEqual([]);
    }
  });
});
