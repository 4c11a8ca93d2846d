import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { buildPackage } from './build';
import { checkPackage } from './check';
import { planPackage } from './plan';
import { reserveOutput } from '../jobs/outputs';
import type { LessonSnapshot } from './snapshot';
import { fakeAssets, tempDir, testSnapshot } from './testPackage.testkit';

const dirs: string[] = [];
const dir = () => {
  const made = tempDir('flipside-cc-');
  dirs.push(made);
  return made;
};
afterEach(() => {
  for (const made of dirs.splice(0)) fs.rmSync(made, { recursive: true, force: true });
});

const NOTES = { html: '<p>Newton’s <strong>second</strong> law</p>', formulas: false, files: [] };

/** A two-lesson project: “Forces” on the class server with notes, “Energy” only in the studio. */
function project(root: string, videoBytes = 200_000): LessonSnapshot {
  const first = testSnapshot(root, { format: 'cc', title: 'Physics', description: 'Forces, then energy.' }, videoBytes);
  const linked: LessonSnapshot = { ...first, notes: NOTES, lessonUrl: 'https://class.example.org/l/forces1' };
  const second: LessonSnapshot = {
    ...first,
    lesson: { ...first.lesson, id: '66666666-6666-4666-8666-666666666666', title: 'Energy', position: 1 },
    settings: { ...first.settings, title: 'Energy', description: '' },
    lessonUrl: null,
  };
  return { ...linked, course: [linked, second] };
}

const text = (entries: ReturnType<typeof planPackage>['entries'], name: string) => {
  const entry = entries.find((candidate) => candidate.path === name);
  return entry?.kind === 'bytes' ? entry.data.toString('utf8') : '';
};

describe('a Common Cartridge', () => {
  it('holds one module per lesson in order: an LTI link for the lesson on the server, the player for the other, notes and description as pages', () => {
    const root = dir();
    const plan = planPackage(project(root), fakeAssets(root));
    const paths = plan.entries.map((entry) => entry.path);
    expect(paths.slice(0, 2)).toEqual(['imsmanifest.xml', 'about/index.html']);
    expect(paths).toEqual(
      expect.arrayContaining([
        'lesson-1/lti.xml',
        'lesson-1/notes/index.html',
        'lesson-1/player.css',
        'lesson-2/index.html',
        'lesson-2/lesson.json',
        'lesson-2/media/720p.mp4',
      ]),
    );
    // The linked lesson plays on the server: no player and no video of it in the cartridge.
    expect(paths.filter((file) => file.startsWith('lesson-1/'))).toEqual([
      'lesson-1/lti.xml',
      'lesson-1/notes/index.html',
      'lesson-1/player.css',
    ]);
    expect(text(plan.entries, 'lesson-1/lti.xml')).toContain(
      '<blti:launch_url>https://class.example.org/l/forces1</blti:launch_url>',
    );
    expect(text(plan.entries, 'lesson-2/index.html')).toContain('<meta name="flipside-lms" content="web">');
    expect(text(plan.entries, 'about/index.html')).toContain('<p>Forces, then energy.</p>');
    const manifest = text(plan.entries, 'imsmanifest.xml');
    expect([...manifest.matchAll(/<item identifier="M_[^"]+">\s*<title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual([
      'Forces',
      'Energy',
    ]);
    expect(manifest).toContain('<title>Notes: Forces</title>');
    expect(plan.lesson).toBeNull();
  });

  it('is built as one .imscc that passes the same check as flipside check, against IMS’s schemas', async () => {
    const root = dir();
    const target = reserveOutput(root, 'physics-cc-1-0', '.imscc', 'file');
    const stages: string[] = [];
    await buildPackage(project(root), target, {
      assets: fakeAssets(root),
      signal: new AbortController().signal,
      onProgress: (stage) => stages.push(stage),
    });
    expect(stages).toContain('checking');
    const report = await checkPackage(target.out, { schemaRoot: fakeAssets(root).schemaRoot });
    expect(report.lines.filter((line) => !line.ok)).toEqual([]);
    expect(report.format).toBe('cc');
    expect(report.lines.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        "imsmanifest.xml is valid against IMS's CC 1.1 schema files",
        'lesson-1/lti.xml is valid against imslticc_v1p0p1.xsd',
        '2 modules (Forces, Energy); 1 LTI link, 3 web content pages',
      ]),
    );
  });

  it('cancelled while writing leaves neither the .imscc nor its part', async () => {
    const root = dir();
    const target = reserveOutput(root, 'physics-cc-1-0', '.imscc', 'file');
    const controller = new AbortController();
    await expect(
      buildPackage(project(root, 64_000_000), target, {
        assets: fakeAssets(root),
        signal: controller.signal,
        onProgress: (stage, fraction) => {
          if (stage === 'writing' && fraction > 0.1) controller.abort();
        },
      }),
    ).rejects.toThrow('Cancelled');
    expect(fs.readdirSync(root).filter((name) => name.includes('physics'))).toEqual([]);
  });

  it('is refused by the check when a linked lesson’s file is missing or its link launches nothing', async () => {
    const root = dir();
    const plan = planPackage(project(root), fakeAssets(root));
    const file = path.join(root, 'broken.imscc');
    const zip = new ZipFile();
    for (const entry of plan.entries) {
      if (entry.path === 'lesson-2/lesson.json') continue;
      const data =
        entry.path === 'lesson-1/lti.xml'
          ? Buffer.from(text(plan.entries, entry.path).replaceAll('https://class.example.org/l/forces1', 'forces'))
          : entry.kind === 'bytes'
            ? entry.data
            : fs.readFileSync(entry.file);
      zip.addBuffer(data, entry.path);
    }
    zip.end();
    await new Promise<void>((resolve) =>
      zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve()),
    );
    const report = await checkPackage(file, { schemaRoot: fakeAssets(root).schemaRoot });
    expect(report.ok).toBe(false);
    const failures = report.lines.filter((line) => !line.ok).map((line) => line.message);
    expect(failures).toContain('The manifest names lesson-2/lesson.json, which is not in the package');
    expect(failures).toContain('lesson-1/lti.xml launches no lesson: “forces” is not an address');
  });
});
