import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { deepLinkTarget } from './deepLinking';
import { findPlatform, type Platform } from './platforms';
import { LOGIN_TTL_MS, newNonce, signState } from './stateToken';
import type { StorageStep } from './ltiPages';

export const LAUNCH_PATH = '/lti/launch';

/** The parameters of an OIDC third-party initiated login (LTI 1.3 Security Framework 5.1.1.1, LTI Core 4.1). */
export interface LoginRequest {
  readonly iss: string;
  readonly loginHint: string;
  readonly targetLinkUri: string;
  readonly ltiMessageHint: string | null;
  readonly clientId: string | null;
  readonly deploymentId: string | null;
  readonly storageTarget: string | null;
}

export function loginRequestOf(params: URLSearchParams): LoginRequest {
  const required = (name: string) => {
    const value = params.get(name);
    if (!value) throw new HttpError('invalid_input', `The course’s login request has no ${name}.`);
    return value;
  };
  return {
    iss: required('iss'),
    loginHint: required('login_hint'),
    targetLinkUri: required('target_link_uri'),
    ltiMessageHint: params.get('lti_message_hint'),
    clientId: params.get('client_id'),
    deploymentId: params.get('lti_deployment_id'),
    storageTarget: params.get('lti_storage_target'),
  };
}

/**
 * The lesson a target link names: only this server's own lesson links (`<public url>/l/<slug>`) are launched (and
 * the deep linking URL, for an instructor adding lessons).
 */
export function lessonSlugOf(targetLinkUri: string, publicUrl: string): string | null {
  let target: URL;
  try {
    target = new URL(targetLinkUri);
  } catch {
    return null;
  }
  const prefix = new URL('l/', new URL(publicUrl.replace(/\/*$/, '/'))).href;
  if (!target.href.startsWith(prefix) || target.search !== '' || target.hash !== '') return null;
  return /^([a-z0-9]+)\/?$/.exec(target.href.slice(prefix.length))?.[1] ?? null;
}

export type LoginAnswer =
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'storage'; readonly page: StorageStep; readonly platform: Platform };

/**
 * Answers a login initiation: a fresh nonce (stored, single use), a signed state, and the authentication request to
 * the platform. When the platform offers its storage (`lti_storage_target`), the answer is a page that first keeps
 * the nonce there, so the launch can be tied to this browser without a cookie.
 */
export async function startLogin(
  db: Queryable,
  key: Buffer,
  publicUrl: string,
  request: LoginRequest,
  now: number,
): Promise<LoginAnswer> {
  const platform = await findPlatform(db, request.iss, request.clientId ?? undefined);
  if (!platform)
    throw new HttpError(
      'not_found',
      'This course’s platform is not registered on this class server. Ask its administrator to run ' +
        '“flipside serve platforms add”.',
    );
  if (request.deploymentId !== null && !platform.deployments.includes(request.deploymentId))
    throw new HttpError(
      'forbidden',
      `The deployment “${request.deploymentId}” is not registered for this platform on this class server.`,
    );
  if (lessonSlugOf(request.targetLinkUri, publicUrl) === null && request.targetLinkUri !== deepLinkTarget(publicUrl))
    throw new HttpError('not_found', 'The link does not point to a lesson on this class server.');
  const nonce = newNonce();
  await db.query('INSERT INTO lti_nonces (nonce, platform_id, expires_at) VALUES ($1, $2, $3)', [
    nonce,
    platform.id,
    now + LOGIN_TTL_MS,
  ]);
  const jti = randomBytes(16).toString('base64url');
  const base = { nonce, platform: platform.id, target: request.targetLinkUri, jti };
  const authUrl = async (storage: string | null) => {
    const url = new URL(platform.authLoginUrl);
    const params: Record<string, string> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      redirect_uri: new URL(LAUNCH_PATH, publicUrl).href,
      login_hint: request.loginHint,
      state: await signState(key, { ...base, storage }, now),
      nonce,
      ...(request.ltiMessageHint !== null ? { lti_message_hint: request.ltiMessageHint } : {}),
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.href;
  };
  if (request.storageTarget === null) return { kind: 'redirect', location: await authUrl(null) };
  const storageKey = `flipside_nonce_${jti}`;
  return {
    kind: 'storage',
    platform,
    page: {
      step: 'login',
      frame: request.storageTarget,
      origin: new URL(platform.authLoginUrl).origin,
      key: storageKey,
      value: nonce,
      withStorage: await authUrl(`${request.storageTarget}\n${storageKey}`),
      withoutStorage: await authUrl(null),
    },
  };
}
