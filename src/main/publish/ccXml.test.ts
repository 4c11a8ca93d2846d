import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccLtiLink, launchUrlProblem } from '@shared/publish/ccLtiLink';
import { ccManifest, type CcManifestInput } from '@shared/publish/ccManifest';
import { validateCartridgeLtiLink, validateCartridgeManifest } from './schemas';
import { parseXml } from './xmlTree';

const SCHEMAS = path.resolve(__dirname, '../../../resources/schemas');

const unit: CcManifestInput = {
  cartridgeId: '44444444-4444-4444-8444-444444444444',
  title: 'Physics <&> "🎓"',
  description: 'Forces and motion, before class',
  language: 'en',
  intro: [{ kind: 'webcontent', title: 'About this unit', href: 'about/index.html', files: ['about/index.html'] }],
  modules: [
    {
      lessonId: '11111111-1111-4111-8111-111111111111',
      title: 'Forces',
      items: [
        { kind: 'lti', title: 'Forces', file: 'lesson-1/lti.xml' },
        { kind: 'webcontent', title: 'Notes', href: 'lesson-1/notes/index.html', files: ['lesson-1/notes/index.html'] },
      ],
    },
    {
      lessonId: '22222222-2222-4222-8222-222222222222',
      title: 'Motion & friction',
      items: [
        {
          kind: 'webcontent',
          title: 'Motion & friction',
          href: 'lesson-2/index.html',
          files: ['lesson-2/index.html', 'lesson-2/media/720p file.mp4'],
        },
      ],
    },
  ],
};

describe('the Common Cartridge manifest', () => {
  it('is valid against IMS CC 1.1 content packaging profile, with one module per lesson in lesson order', async () => {
    const xml = ccManifest(unit);
    const verdict = await validateCartridgeManifest(xml, SCHEMAS);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
    const parsed = parseXml(xml);
    if ('error' in parsed) throw new Error(parsed.error);
    const root = parsed.root.children.find((child) => child.local === 'organizations')?.children[0]?.children[0];
    const titles = root?.children.map((item) => item.children.find((child) => child.local === 'title')?.text);
    expect(titles).toEqual(['About this unit', 'Forces', 'Motion & friction']);
    expect(xml).toContain('href="lesson-2/media/720p%20file.mp4"');
    expect(xml).toContain('type="imsbasiclti_xmlv1p0"');
  });

  it('is refused by the schema when a resource type is not one CC 1.1 lists (the check can fail)', async () => {
    const xml = ccManifest(unit).replace('type="webcontent"', 'type="imsbasiclti_xmlv1p3"');
    const verdict = await validateCartridgeManifest(xml, SCHEMAS);
    expect(verdict.valid).toBe(false);
  });
});

describe('the LTI link', () => {
  const link = {
    title: 'Forces & <friction>',
    description: 'Watch before Monday',
    launchUrl: 'https://class.example.org/l/ab12cd',
  };

  it('is valid against imslticc_v1p0p1.xsd and launches the lesson on the class server', async () => {
    const xml = ccLtiLink(link);
    const verdict = await validateCartridgeLtiLink(xml, 'lti.xml', SCHEMAS);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(xml).toContain('<blti:launch_url>https://class.example.org/l/ab12cd</blti:launch_url>');
    expect(xml).toContain('<blti:secure_launch_url>https://class.example.org/l/ab12cd</blti:secure_launch_url>');
    expect(xml).toContain('<lticm:property name="domain">class.example.org</lticm:property>');
    expect(xml).toContain('<blti:title>Forces &amp; &lt;friction&gt;</blti:title>');
  });

  it('has no secure launch URL for a plain http server, and no description element when there is none', async () => {
    const xml = ccLtiLink({ ...link, description: ' ', launchUrl: 'http://127.0.0.1:8080/l/x1' });
    expect(xml).not.toContain('secure_launch_url');
    expect(xml).not.toContain('blti:description');
    expect((await validateCartridgeLtiLink(xml, 'lti.xml', SCHEMAS)).valid).toBe(true);
  });

  it('refuses an address the class server would not launch', () => {
    expect(launchUrlProblem('https://s.example/l/a?x=1')).toMatch(/query/);
    expect(launchUrlProblem('ftp://s.example/l/a')).toMatch(/not a web address/);
    expect(launchUrlProblem('/l/a')).toMatch(/not an address/);
    expect(() => ccLtiLink({ ...link, launchUrl: 'https://s.example/l/a#x' })).toThrow(/fragment/);
  });

  it('is refused by the schema without its vendor (the check can fail)', async () => {
    const xml = ccLtiLink(link).replace(/<blti:vendor>[\s\S]*<\/blti:vendor>/, '');
    expect((await validateCartridgeLtiLink(xml, 'lti.xml', SCHEMAS)).valid).toBe(false);
  });
});
