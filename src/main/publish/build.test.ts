import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackage } from './check';
import { planPackage, withLmsMeta } from './plan';
import { fakeAssets, testDir, testSnapshot } from './testPackage.testkit';
import { Cancelled, totalBytes, writeFolder, writeZip } from './write';
import { reserveOutput } from '../jobs/outputs';

const options = (signal = new AbortController().signal) => ({
  signal,
  onBytes: () => undefined,
  mtime: new Date(1_700_000_000_000),
});

describe('planPackage', () => {
  it('lists the same player files for every format, plus the manifest and schemas for SCORM', () => {
    const root = testDir();
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
    const root = testDir();
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
    expect(plan.lesson?.media.renditions).toEqual([
      { label: '720p', src: 'media/720p.mp4', type: 'video/mp4', width: 1280, height: 720 },
    ]);
    expect(plan.lesson?.checkpoints).toHaveLength(2);
    expect(plan.lesson?.rules.masteryPercent).toBe(80);
  });
});

describe('writing packages', () => {
  it('writes a SCORM zip that passes the check, with nothing left beside it', async () => {
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const root = testDir();
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
    const root = testDir();
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
    const root = testDir();
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
    const root = testDir();
    const entries = [{ path: '../evil.html', kind: 'bytes' as const, data: Buffer.from('x'), compress: true }];
    const target = reserveOutput(root, 'x', '.zip', 'file');
    await expect(writeZip(entries, target, options())).rejects.toThrow(/climbs out/);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

describe('withLmsMeta', () => {
  it('places the LMS tag after either spelling of <meta charset> (the built page is Prettier-formatted)', () => {
    for (const tag of ['<meta charset="utf-8">', '<meta charset="utf-8" />', '<META CHARSET="UTF-8"/>'])
      expect(withLmsMeta(`<head>${tag}<title>x</title>`, 'scorm12')).toBe(
        `<head>${tag}\n    <meta name="flipside-lms" content="scorm12"><title>x</title>`,
      );
    expect(() => withLmsMeta('<head><title>x</title>', 'scorm12')).toThrow(/no <meta charset>/);
  });
});

describe('captions in packages', () => {
  const captions = [
    { label: 'English', srclang: 'en', text: 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello\n' },
    { label: 'Português (Brasil)', srclang: 'pt-BR', text: 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nOlá\n' },
  ];

  it('carries each file as captions/<srclang>.vtt, lists it in lesson.json, and a SCORM zip with them passes the check', async () => {
    for (const format of ['web', 'scorm12', 'scorm2004'] as const) {
      const root = testDir();
      const plan = planPackage(testSnapshot(root, { format }, 200_000, captions), fakeAssets(root));
      const paths = plan.entries.map((entry) => entry.path);
      expect(paths).toEqual(expect.arrayContaining(['captions/en.vtt', 'captions/pt-br.vtt']));
      expect(plan.lesson?.media.captions).toEqual([
        { label: 'English', srclang: 'en', src: 'captions/en.vtt' },
        { label: 'Português (Brasil)', srclang: 'pt-BR', src: 'captions/pt-br.vtt' },
      ]);
      const script = plan.entries.find((entry) => entry.path === 'lesson.js');
      const source = script?.kind === 'bytes' ? script.data.toString('utf8') : '';
      expect(source).not.toContain('<');
      expect(source).toContain('"WEBVTT\\n\\n1\\n00:00:01.000 --> 00:00:03.000\\nOlá\\n"');
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

describe('cmi5 packages', () => {
  it('puts cmi5.xml at the root and the lesson in its AU folder, tells the player cmi5, and passes the check', async () => {
    const root = testDir();
    const plan = planPackage(testSnapshot(root, { format: 'cmi5' }), fakeAssets(root));
    const paths = plan.entries.map((entry) => entry.path);
    expect(paths).toEqual([
      'cmi5.xml',
      'lesson-1/index.html',
      'lesson-1/player.js',
      'lesson-1/player.css',
      'lesson-1/lesson.json',
      'lesson-1/lesson.js',
      'lesson-1/media/720p.mp4',
    ]);
    expect(plan.launch).toBe('lesson-1/index.html');
    const text = (name: string) => {
      const entry = plan.entries.find((candidate) => candidate.path === name);
      return entry?.kind === 'bytes' ? entry.data.toString('utf8') : '';
    };
    expect(text('lesson-1/index.html')).toContain('<meta name="flipside-lms" content="cmi5">');
    expect(text('lesson-1/index.html')).toContain("connect-src 'self' https:;");
    const course = text('cmi5.xml');
    expect(course).toContain('moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow"');
    expect(course).toContain('<url>lesson-1/index.html</url>');
    const { out, part } = reserveOutput(root, 'course', '.zip', 'file');
    await writeZip(plan.entries, { out, part }, options());
    const report = await checkPackage(out, { schemaRoot: fakeAssets(root).schemaRoot });
    expect(report.lines.filter((line) => !line.ok)).toEqual([]);
    expect(report.format).toBe('cmi5');
    expect(report.lines.map((line) => line.message)).toContain('cmi5.xml is valid against the cmi5 schema');
  });

  it('makes a course of several lessons, one AU each in lesson order, with each lesson’s own title and rules', () => {
    const root = testDir();
    const first = testSnapshot(root, { format: 'cmi5', courseScope: 'project', title: 'Physics' });
    const second: typeof first = {
      ...first,
      lesson: { ...first.lesson, id: '66666666-6666-4666-8666-666666666666', title: 'Energy', position: 1 },
      document: { ...first.document, checkpoints: [] },
      settings: { ...first.settings, title: 'Energy', masteryPercent: 50, courseScope: 'lesson' },
    };
    const plan = planPackage({ ...first, course: [first, second] }, fakeAssets(root));
    const course = plan.entries.find((entry) => entry.path === 'cmi5.xml');
    const xml = course?.kind === 'bytes' ? course.data.toString('utf8') : '';
    expect(xml).toContain('<langstring lang="en">Physics</langstring>');
    expect([...xml.matchAll(/<au id="([^"]+)" moveOn="(\w+)"/g)].map(([, id, moveOn]) => [id, moveOn])).toEqual([
      [`urn:flipside:au:${first.lesson.id}`, 'CompletedAndPassed'],
      [`urn:flipside:au:${second.lesson.id}`, 'Completed'],
    ]);
    expect(xml).toMatch(/<title>\s*<langstring lang="en">Forces<\/langstring>/);
    expect(plan.entries.map((entry) => entry.path)).toContain('lesson-2/lesson.json');
  });

  it('stores the answer key as hashes in every export', () => {
    const root = testDir();
    const plan = planPackage(testSnapshot(root, { format: 'scorm12' }), fakeAssets(root));
    const json = plan.entries.find((entry) => entry.path === 'lesson.json');
    const text = json?.kind === 'bytes' ? json.data.toString('utf8') : '';
    expect(text).toContain('"keySalt"');
    expect(text).not.toContain('"answer": true');
  });
});
