import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runServeCli } from './cli';
import { seedMigratedPglite } from './testing/pgliteTemplate.testkit';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runServeCli(
    argv,
    { stdout: (line) => out.push(line), stderr: (line) => err.push(line), env: {}, stopSignal: Promise.resolve() },
    'test',
  );
  return { code, out, err };
}

// The first call loads PGlite's WebAssembly build, which takes seconds on a busy two-core machine.
describe('flipside serve', { timeout: 60_000 }, () => {
  it('says what is wrong with how it was typed, exit 2', async () => {
    expect(await run([])).toMatchObject({
      code: 2,
      err: ['flipside serve: --data <dir> is required (see flipside serve --help)'],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-cli-'));
    dirs.push(dir);
    expect((await run(['--data', dir, '--workers', '2'])).err[0]).toMatch(/--workers needs --database/);
    expect((await run(['--data', dir, '--port', 'ninety'])).code).toBe(2);
    expect((await run(['--help'])).out[0]).toMatch(/^Usage: flipside serve/);
  });

  // On an empty folder, as a teacher's first command finds it; the other tests start from a migrated copy.
  it('adds a teacher (the token printed once), lists them, and revokes their tokens', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-cli-'));
    dirs.push(dir);
    const added = await run(['teachers', 'add', '--data', dir, '--email', 'ada@school.example']);
    expect(added.code).toBe(0);
    expect(added.out).toEqual([expect.stringMatching(/^fst_[\w-]{43}$/)]);
    expect(added.err.join(' ')).toMatch(/shown only this once/);
    expect((await run(['teachers', 'list', '--data', dir])).out).toEqual([
      'ada@school.example\t1 active token(s)\t0 lesson(s)\t0 class(es)',
    ]);
    expect((await run(['teachers', 'revoke', '--data', dir, '--email', 'ada@school.example'])).out).toEqual([
      'Revoked 1 token(s).',
    ]);
    expect(await run(['teachers', 'add', '--data', dir, '--email', 'not an email'])).toMatchObject({
      code: 2,
      err: ['flipside serve: Give an email address, such as ada@school.example (see flipside serve --help)'],
    });
    // The embedded database is unlocked again once a command ends.
    expect(fs.existsSync(path.join(dir, 'pglite.pid'))).toBe(false);
  }, 60_000);

  it('registers an LMS by hand (platforms add/list/remove) and rotates the tool’s signing key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-cli-'));
    dirs.push(dir);
    await seedMigratedPglite(dir);
    const platform = [
      '--issuer',
      'https://lms.school.example',
      '--client-id',
      'flipside-1',
      '--auth-url',
      'https://lms.school.example/auth',
      '--jwks-url',
      'https://lms.school.example/jwks',
    ];
    const added = await run([
      'platforms',
      'add',
      '--data',
      dir,
      ...platform,
      '--deployment',
      'd1',
      '--deployment',
      'd2',
    ]);
    expect(added).toMatchObject({
      code: 0,
      out: ['Platform https://lms.school.example (client flipside-1) can launch lessons.'],
    });
    expect(added.err).toEqual([
      '  deployments: d1, d2',
      '  no --teacher or --school: its instructors cannot add lessons through deep linking',
    ]);
    const unknownTeacher = await run([
      ...['platforms', 'add', '--data', dir],
      ...platform,
      '--deployment',
      'd3',
      '--teacher',
      'nobody@school.example',
    ]);
    expect(unknownTeacher).toMatchObject({
      code: 1,
      err: [expect.stringContaining('No teacher nobody@school.example') as unknown],
    });
    await run(['teachers', 'add', '--data', dir, '--email', 'ada@school.example']);
    const owned = await run([
      ...['platforms', 'add', '--data', dir],
      ...platform,
      '--deployment',
      'd3',
      '--teacher',
      'ada@school.example',
    ]);
    expect(owned.err).toEqual(['  deployments: d1, d2, d3', '  deep linking offers the lessons of ada@school.example']);
    expect((await run(['platforms', 'add', '--data', dir, ...platform, '--deployment', 'd3'])).err).toEqual([
      '  deployments: d1, d2, d3',
      '  deep linking offers the lessons of the teacher registered before',
    ]);
    const missing = await run(['platforms', 'add', '--data', dir, ...platform]);
    expect(missing).toMatchObject({ code: 1, err: ['flipside serve: Give at least one deployment id (--deployment)'] });
    const badUrl = await run([
      'platforms',
      'add',
      '--data',
      dir,
      ...platform.slice(0, 5),
      'not a url',
      '--deployment',
      'd',
    ]);
    expect(badUrl.err[0]).toMatch(/The authentication URL \(--auth-url\) is a web address/);
    expect((await run(['platforms', 'list', '--data', dir])).out).toEqual([
      'https://lms.school.example\tclient flipside-1\t3 deployment(s)\tone teacher\t',
    ]);
    // The same registration made school-wide: no owner any more, each instructor signs in once.
    const school = await run([...['platforms', 'add', '--data', dir], ...platform, '--deployment', 'd1', '--school']);
    expect(school.err).toContain(
      '  for the whole school: each instructor signs in once with their teacher token, then adds their lessons',
    );
    expect(
      (
        await run([
          ...['platforms', 'add', '--data', dir],
          ...platform,
          '--deployment',
          'd1',
          '--school',
          '--teacher',
          'a@b.example',
        ])
      ).err[0],
    ).toMatch(/for one teacher \(--teacher\) or for the whole school \(--school\), not both/);
    expect((await run(['platforms', 'list', '--data', dir])).out[0]).toContain('\tschool\t');
    const rotated = await run(['keys', 'rotate', '--data', dir]);
    expect(rotated.out[0]).toMatch(/^New signing key [\w-]+; 0 older key\(s\) stay published for a week\.$/);
    expect((await run(['keys', 'rotate', '--data', dir])).out[0]).toMatch(/; 1 older key\(s\) stay published/);
    expect((await run(['platforms', 'remove', '--data', dir, ...platform.slice(0, 4)])).code).toBe(0);
    expect((await run(['platforms', 'list', '--data', dir])).out[0]).toMatch(/^No platforms yet/);
  }, 120_000);

  it('prints a one-time registration link for a teacher’s LMS, which revoking the teacher cancels', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-cli-'));
    dirs.push(dir);
    await seedMigratedPglite(dir);
    await run(['teachers', 'add', '--data', dir, '--email', 'ada@school.example']);
    expect((await run(['platforms', 'invite', '--data', dir])).err[0]).toMatch(/Give --teacher <email> .* or --school/);
    // The server has never run here, so the command cannot know the address an LMS reaches it at.
    expect((await run(['platforms', 'invite', '--data', dir, '--teacher', 'ada@school.example'])).err[0]).toMatch(
      /give --public-url, so the link reaches it/,
    );
    const invite = [...['platforms', 'invite', '--data', dir, '--teacher', 'ada@school.example']];
    const made = await run([...invite, '--public-url', 'https://flipside.school.example']);
    expect(made.code).toBe(0);
    expect(made.out).toEqual([
      expect.stringMatching(/^https:\/\/flipside\.school\.example\/lti\/register\?invite=fsi_[\w-]{43}$/),
    ]);
    expect(made.err.join(' ')).toMatch(/registers this server for ada@school\.example.*works once, until \d{4}-/);
    expect((await run([...invite, '--public-url', 'https://flipside.school.example', '--days', '90'])).err[0]).toMatch(
      /1 to 30 days/,
    );
    expect(
      (
        await run([
          'platforms',
          'invite',
          '--data',
          dir,
          '--teacher',
          'bo@school.example',
          '--public-url',
          'https://x.example',
        ])
      ).err[0],
    ).toMatch(/No teacher bo@school\.example/);
    const schoolInvite = await run([
      ...['platforms', 'invite', '--data', dir, '--school', '--public-url', 'https://flipside.school.example'],
    ]);
    expect(schoolInvite.err.join(' ')).toMatch(/registers this server for the whole school: each instructor signs in/);
    expect((await run(['teachers', 'links', '--data', dir, '--email', 'ada@school.example'])).out).toEqual([
      'No LMS user has signed in as ada@school.example.',
    ]);
    expect(
      (
        await run([
          'teachers',
          'unlink',
          '--data',
          dir,
          '--email',
          'ada@school.example',
          '--issuer',
          'https://x.example',
        ])
      ).err[0],
    ).toMatch(/--issuer <url> and --sub <id>/);
    expect((await run(['teachers', 'revoke', '--data', dir, '--email', 'ada@school.example'])).out).toEqual([
      'Revoked 1 token(s).',
      'Cancelled 1 unused LMS registration link(s).',
    ]);
  }, 120_000);
});
