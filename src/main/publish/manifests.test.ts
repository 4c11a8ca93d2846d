import { describe, expect, it } from 'vitest';
import { cmi5CourseStructure, masteryScoreOf } from '@shared/publish/cmi5Course';
import type { ManifestInput } from '@shared/publish/manifestInput';
import { scorm12Manifest } from '@shared/publish/scorm12Manifest';
import { scorm2004Manifest } from '@shared/publish/scorm2004Manifest';
import {
  forLibxml,
  locateSchemaRoot,
  readSchemaFiles,
  validateCourseStructure,
  validateManifest,
  type ScormVersion,
} from './schemas';

const HOSTILE_TITLES = [
  'Forces & motion',
  'A <b>bold</b> "quoted" \'title\' ]]> <!-- -->',
  '🎓 Fractions — ½ + ¼ 👩🏽‍🏫',
  'Control \u0000\u0001\u0008 chars\ttab\nnewline',
  '&amp; &#x1F600; &lt;',
  'x'.repeat(250),
];

const base: ManifestInput = {
  lessonId: '0b7a5c1e-4f2d-4c8e-9a41-2d6f3e1b5a90',
  title: 'Forces',
  description: 'What a <force> & "push" are',
  language: 'fr-CA',
  version: '1.0',
  masteryPercent: 80,
  files: [
    'index.html',
    'player.js',
    'player.css',
    'lesson.js',
    'lesson.json',
    'media/720p.mp4',
    'media/captions en.vtt',
  ],
  launch: 'index.html',
};

const builders: Record<ScormVersion, (input: ManifestInput) => string> = {
  scorm12: scorm12Manifest,
  scorm2004: scorm2004Manifest,
};
const root = locateSchemaRoot();

describe.each(['scorm12', 'scorm2004'] as const)('%s manifest', (version) => {
  const schemas = forLibxml(readSchemaFiles(root, version), root);

  it.each(HOSTILE_TITLES)('validates against the ADL schemas with the title %j', async (title) => {
    const xml = builders[version]({ ...base, title, description: title, version: '<2.0> & "b"' });
    const verdict = await validateManifest(xml, version, schemas);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('validates without mastery (nothing scored) and with odd lesson ids', async () => {
    const xml = builders[version]({ ...base, masteryPercent: null, lessonId: '9 starts with a digit/and:colons' });
    expect((await validateManifest(xml, version, schemas)).valid).toBe(true);
  });

  it('puts mastery where the standard has a place for it', () => {
    const xml = builders[version]({ ...base, masteryPercent: 72.5 });
    if (version === 'scorm12') expect(xml).toContain('<adlcp:masteryscore>72.5</adlcp:masteryscore>');
    else {
      expect(xml).toContain('satisfiedByMeasure="true"');
      expect(xml).toContain('<imsss:minNormalizedMeasure>0.725</imsss:minNormalizedMeasure>');
      expect(xml).toContain('completedByMeasure="true"');
    }
  });

  it('is refused by the schemas when broken, so the check is real', async () => {
    const good = builders[version](base);
    const broken = [
      good.replace('<organizations default="ORG_1">', '<organizations default="ORG_1"><bogus/>'),
      version === 'scorm12'
        ? good.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"')
        : good.replace('satisfiedByMeasure="true"', 'satisfiedByMeasure="maybe"'),
      good.replace('identifier="SCO_1"', 'identifier="1 not an id"'),
    ];
    for (const xml of broken) {
      const verdict = await validateManifest(xml, version, schemas);
      expect(verdict.valid, xml).toBe(false);
      expect(verdict.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('cmi5 course structure', () => {
  const course = (title: string, masteryPercent: number | null = 72.5) =>
    cmi5CourseStructure({
      courseId: 'c1',
      title,
      description: title,
      language: 'fr-CA',
      aus: [
        { lessonId: 'l1', title, description: '', url: 'lesson-1/index.html', masteryPercent },
        { lessonId: 'l 2/é', title: 'Two', description: 'x', url: 'lesson 2/index.html', masteryPercent: null },
      ],
    });

  it.each(HOSTILE_TITLES)('validates against CourseStructure.xsd with the title %j', async (title) => {
    expect((await validateCourseStructure(course(title), root)).errors).toEqual([]);
  });

  it('says moveOn and masteryScore from the teacher’s rules, and escapes ids and urls', () => {
    const xml = course('Forces');
    expect(xml).toContain('id="urn:flipside:au:l1" moveOn="CompletedAndPassed" masteryScore="0.725"');
    expect(xml).toContain('id="urn:flipside:au:l%202%2F%C3%A9" moveOn="Completed" launchMethod="AnyWindow"');
    expect(xml).toContain('<url>lesson%202/index.html</url>');
    expect(masteryScoreOf(66.666)).toBe('0.6667');
  });

  it('is refused by the schema when broken, so the check is real', async () => {
    const broken = course('Forces').replace('moveOn="Completed"', 'moveOn="Sometimes"');
    expect((await validateCourseStructure(broken, root)).valid).toBe(false);
  });
});
