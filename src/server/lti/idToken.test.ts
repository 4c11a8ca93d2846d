import { generateKeyPair, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE, TestLtiPlatform, type PlatformLink, type PlatformUser } from '../testing/ltiPlatform.testkit';
import { LaunchError, validateIdToken, type Expected } from './idToken';
import { PlatformKeys } from './platformKeys';
import type { Platform } from './platforms';

const TARGET = 'http://localhost:9/l/abcdefghjk';
const user: PlatformUser = { sub: 'u-1', name: 'Sam Lee', roles: [ROLE.learner] };
const link: PlatformLink = {
  resourceLinkId: 'link-1',
  targetLinkUri: TARGET,
  contextId: 'course-1',
  contextTitle: 'Physics 7B',
};
const NONCE = 'n'.repeat(43);

const lms = new TestLtiPlatform({
  clientId: 'flipside-tool',
  deploymentId: 'dep-1',
  loginUrl: 'http://localhost:9/lti/login',
  redirectUri: 'http://localhost:9/lti/launch',
});
let platform: Platform;
let keys: PlatformKeys;

beforeAll(async () => {
  await lms.start();
  platform = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Test LMS',
    issuer: lms.issuer,
    clientId: 'flipside-tool',
    authLoginUrl: lms.authUrl,
    jwksUrl: lms.jwksUrl,
    tokenUrl: '',
    deployments: ['dep-1'],
    teacherId: null,
    schoolWide: false,
  };
  keys = new PlatformKeys({ cooldownMs: 0 });
});
afterAll(() => lms.close());

function expected(overrides: Partial<Expected> = {}): Expected {
  return {
    platform,
    keys: keys.for(platform.jwksUrl),
    nonce: NONCE,
    targetLinkUri: TARGET,
    now: Date.now(),
    ...overrides,
  };
}

async function refusal(token: string, overrides: Partial<Expected> = {}): Promise<LaunchError> {
  const error: unknown = await validateIdToken(token, expected(overrides)).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LaunchError)) throw new Error(`expected a LaunchError, got ${String(error)}`);
  return error;
}

describe('validating a platform’s id_token', () => {
  it('accepts a well-formed resource link launch and reads the user, context, link and role from it', async () => {
    const launch = await validateIdToken(await lms.sign(lms.claims(user, link, NONCE)), expected());
    expect(launch).toEqual({
      kind: 'resourceLink',
      sub: 'u-1',
      name: 'Sam Lee',
      deploymentId: 'dep-1',
      targetLinkUri: TARGET,
      resourceLink: { id: 'link-1', title: 'Lesson' },
      context: { id: 'course-1', title: 'Physics 7B' },
      staff: false,
      lineitem: null,
      membershipsUrl: `${lms.origin}/contexts/course-1/memberships`,
    });
    const teacher = await lms.sign(lms.claims({ sub: 't-1', roles: [ROLE.instructor] }, link, NONCE));
    expect((await validateIdToken(teacher, expected())).staff).toBe(true);
  });

  it('reads the roster’s address only from a well-formed NRPS 2.0 claim, and a bad one does not stop the launch', async () => {
    const nrps = 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice';
    const withClaim = (claim: unknown) => lms.sign({ ...lms.claims(user, link, NONCE), [nrps]: claim });
    const read = async (claim: unknown) => {
      const launch = await validateIdToken(await withClaim(claim), expected());
      return launch.kind === 'resourceLink' ? launch.membershipsUrl : 'not a resource link';
    };
    expect(await read({ context_memberships_url: 'https://lms.example/m', service_versions: ['2.0'] })).toBe(
      'https://lms.example/m',
    );
    expect(await read({ context_memberships_url: 'https://lms.example/m', service_versions: ['1.0'] })).toBeNull();
    expect(await read({ context_memberships_url: 'javascript:alert(1)' })).toBeNull();
    expect(await read('not an object')).toBeNull();
  });

  it('refuses an expired token, and one issued too long ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await lms.sign(lms.claims(user, link, NONCE), { issuedAt: now - 600, expiresAt: now - 120 });
    expect((await refusal(expired)).message).toMatch(/has expired/);
    const old = await lms.sign(lms.claims(user, link, NONCE), { issuedAt: now - 3600, expiresAt: now + 300 });
    expect((await refusal(old)).message).toMatch(/too old/);
  });

  it('refuses a token for another tool (aud), and one with several audiences whose azp is not this tool', async () => {
    const other = await lms.sign(lms.claims(user, link, NONCE), { audience: 'another-tool' });
    expect((await refusal(other)).message).toMatch(/meant for another tool/);
    const shared = await lms.sign(
      { ...lms.claims(user, link, NONCE), azp: 'another-tool' },
      { audience: ['flipside-tool', 'another-tool'] },
    );
    expect((await refusal(shared)).reason).toBe('azp another-tool');
    const several = await lms.sign(lms.claims(user, link, NONCE), { audience: ['flipside-tool', 'another-tool'] });
    expect((await refusal(several)).reason).toBe('azp undefined');
  });

  it('refuses alg none, and a token signed by another key under the platform’s kid', async () => {
    const unsigned = new UnsecuredJWT(lms.claims(user, link, NONCE))
      .setIssuer(lms.issuer)
      .setAudience('flipside-tool')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    expect((await refusal(unsigned)).reason).toBe('alg none');
    const { privateKey } = await generateKeyPair('RS256');
    const currentKid = ((await (await fetch(lms.jwksUrl)).json()) as { keys: { kid: string }[] }).keys[0]?.kid ?? '';
    const forged = await lms.sign(lms.claims(user, link, NONCE), { key: privateKey, kid: currentKid });
    expect((await refusal(forged)).message).toMatch(/signature on this launch could not be checked/);
  });

  it('refuses a nonce other than the one sent, an unknown deployment, another target, message type or version', async () => {
    expect((await refusal(await lms.sign(lms.claims(user, link, 'x'.repeat(43))))).reason).toBe('nonce mismatch');
    const claims = lms.claims(user, link, NONCE);
    const deployment = await lms.sign({
      ...claims,
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'dep-9',
    });
    expect((await refusal(deployment)).message).toMatch(/deployment of the tool is not registered/);
    expect((await refusal(await lms.sign(claims), { targetLinkUri: `${TARGET}x` })).reason).toBe('target_link_uri');
    const review = await lms.sign({
      ...claims,
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiSubmissionReviewRequest',
    });
    expect((await refusal(review)).message).toMatch(/resource link launches/);
    // A deep-linking request must say where to answer and that it takes lesson links.
    const deepLinking = await lms.sign({
      ...claims,
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingRequest',
    });
    expect((await refusal(deepLinking)).reason).toMatch(/deep_linking_settings/);
    const settings = lms.deepLinkingClaims(user, NONCE)[
      'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'
    ];
    const filesOnly = await lms.sign({
      ...lms.deepLinkingClaims(user, NONCE),
      [`https://purl.imsglobal.org/spec/lti/claim/target_link_uri`]: TARGET,
      'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
        ...(settings as object),
        accept_types: ['file'],
      },
    });
    expect((await refusal(filesOnly)).message).toMatch(/does not accept lesson links/);
    const v11 = await lms.sign({ ...claims, 'https://purl.imsglobal.org/spec/lti/claim/version': '1.1' });
    expect((await refusal(v11)).message).toMatch(/LTI 1\.3\.0/);
    const wrongIssuer = await refusal(await lms.sign(claims), {
      platform: { ...platform, issuer: 'https://elsewhere.example' },
    });
    expect(wrongIssuer.message).toMatch(/another platform/);
  });

  it('follows a key rotation: an unknown kid fetches the key set again, once', async () => {
    await validateIdToken(await lms.sign(lms.claims(user, link, NONCE)), expected());
    const before = lms.jwksFetches;
    await validateIdToken(await lms.sign(lms.claims(user, link, NONCE)), expected());
    expect(lms.jwksFetches).toBe(before);
    await lms.rotateKeys();
    await validateIdToken(await lms.sign(lms.claims(user, link, NONCE)), expected());
    expect(lms.jwksFetches).toBe(before + 1);
    const unknown = await lms.sign(lms.claims(user, link, NONCE), { kid: 'no-such-key' });
    expect((await refusal(unknown)).message).toMatch(/signature on this launch could not be checked/);
    expect(lms.jwksFetches).toBe(before + 2);
  });

  it('within the cooldown, a made-up kid does not make the server fetch the key set again', async () => {
    const guarded = new PlatformKeys({ cooldownMs: 60_000 });
    await validateIdToken(await lms.sign(lms.claims(user, link, NONCE)), expected({ keys: guarded.for(lms.jwksUrl) }));
    const before = lms.jwksFetches;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const unknown = await lms.sign(lms.claims(user, link, NONCE), { kid: `made-up-${attempt}` });
      await refusal(unknown, { keys: guarded.for(lms.jwksUrl) });
    }
    expect(lms.jwksFetches).toBe(before);
  });
});
