import type { RouteContext, Router } from '../http/router';
import type { ServerDatabase } from '../db/database';
import {
  claimInvite,
  openInvite,
  recordRegistered,
  REGISTER_PATH,
  RegistrationError,
  releaseInvite,
  type Invite,
} from './invites';
import { ltiMessagePage } from './ltiPages';
import { addAsset, formOf, sendPage } from './ltiHttp';
import { addPlatform } from './platforms';
import {
  fetchPlatformConfiguration,
  platformName,
  registerWithPlatform,
  registrationRequest,
  type PlatformConfiguration,
} from './registration';
import {
  confirmPage,
  failedPage,
  registeredPage,
  REGISTER_CSS_PATH,
  REGISTER_SCRIPT,
  REGISTER_SCRIPT_PATH,
  REGISTRATION_CSS,
} from './registrationPages';

export interface RegistrationDeps {
  readonly db: ServerDatabase;
  readonly publicUrl: string;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

const STATUS: Record<RegistrationError['kind'], number> = {
  invite: 410,
  forbidden: 403,
  unreachable: 502,
  invalid: 502,
  refused: 502,
};

const teacherWords = ({ teacher }: Invite) =>
  teacher === null ? 'the whole school' : teacher.name ? `${teacher.name} (${teacher.email})` : teacher.email;

/**
 * Stores the platform exactly as `platforms add` would, and marks the invite with it, in one transaction. A client id
 * the LMS already gave to another teacher's registration is refused rather than moved to this teacher.
 */
async function storePlatform(
  db: ServerDatabase,
  invite: Invite,
  config: PlatformConfiguration,
  registered: { clientId: string; deploymentId: string },
  name: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [owner] = await tx.query<{ teacher_id: string | null; school_wide: boolean }>(
      'SELECT teacher_id, school_wide FROM lti_platforms WHERE issuer = $1 AND client_id = $2',
      [config.issuer, registered.clientId],
    );
    if (owner && (owner.teacher_id !== (invite.teacher?.id ?? null) || owner.school_wide !== (invite.teacher === null)))
      throw new RegistrationError(
        'refused',
        `The LMS answered client ${registered.clientId}, which is registered here for another teacher already.`,
      );
    const platform = await addPlatform(tx, {
      name,
      issuer: config.issuer,
      clientId: registered.clientId,
      authLoginUrl: config.authorization_endpoint,
      jwksUrl: config.jwks_uri,
      tokenUrl: config.token_endpoint,
      deployments: [registered.deploymentId],
      teacher: invite.teacher?.email ?? '',
      school: invite.teacher === null,
    });
    await recordRegistered(tx, invite, platform.id);
  });
}

/**
 * LTI Dynamic Registration 1.0 (`/lti/register?invite=…`): the LMS opens the teacher's registration link with its
 * `openid_configuration` (and `registration_token`); the admin confirms; the tool registers and stores the platform.
 */
export function addRegistrationRoutes(router: Router, deps: RegistrationDeps): void {
  const { db } = deps;
  const guarded = (handler: (context: RouteContext) => Promise<void>) => async (context: RouteContext) => {
    try {
      await handler(context);
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      deps.log(`flipside serve: LTI registration stopped (${error.kind}): ${error.message}`);
      sendPage(context.res, STATUS[error.kind], failedPage(error.message));
    }
  };

  router.add(
    'GET',
    REGISTER_PATH,
    guarded(async ({ res, url }) => {
      const invite = await openInvite(db, url.searchParams.get('invite') ?? '', deps.now());
      const configurationUrl = url.searchParams.get('openid_configuration');
      if (!configurationUrl) {
        sendPage(
          res,
          400,
          ltiMessagePage(
            'Registration link',
            `This link registers the class server with an LMS for ${teacherWords(invite)}. Paste it into the LMS's ` +
              'tool registration (Moodle: Manage tools, "Tool URL"; Canvas: Developer Keys, LTI Registration); ' +
              'opened in a browser it does nothing.',
          ),
        );
        return;
      }
      const config = await fetchPlatformConfiguration(configurationUrl);
      sendPage(
        res,
        200,
        confirmPage({
          platform: platformName(config),
          teacher: teacherWords(invite),
          school: invite.teacher === null,
          action: REGISTER_PATH,
          fields: {
            invite: url.searchParams.get('invite') ?? '',
            openid_configuration: configurationUrl,
            registration_token: url.searchParams.get('registration_token') ?? '',
          },
        }),
      );
    }),
  );

  router.add(
    'POST',
    REGISTER_PATH,
    guarded(async (context) => {
      // The page sends no referrer, so its own form says `Origin: null`; another site's says where it comes from.
      const origin = context.req.headers.origin;
      if (origin && origin !== 'null' && origin !== new URL(deps.publicUrl).origin)
        throw new RegistrationError('forbidden', 'This registration did not come from the class server’s own page.');
      const form = await formOf(context);
      const now = deps.now();
      const invite = await openInvite(db, form.get('invite') ?? '', now);
      if (!(await claimInvite(db, invite, now)))
        throw new RegistrationError(
          'invite',
          'This registration link is being used by another registration right now.',
        );
      try {
        const config = await fetchPlatformConfiguration(form.get('openid_configuration') ?? '');
        const request = registrationRequest(deps.publicUrl, config, invite.teacher);
        const registered = await registerWithPlatform(config, form.get('registration_token') ?? '', request);
        const name = platformName(config);
        await storePlatform(db, invite, config, registered, name);
        deps.log(
          `flipside serve: LTI platform ${config.issuer} (client ${registered.clientId}) registered for ` +
            (invite.teacher?.email ?? 'the school'),
        );
        sendPage(context.res, 200, registeredPage(name, teacherWords(invite)));
      } catch (error) {
        await releaseInvite(db, invite);
        throw error;
      }
    }),
  );

  addAsset(router, REGISTER_SCRIPT_PATH, 'text/javascript; charset=utf-8', REGISTER_SCRIPT);
  addAsset(router, REGISTER_CSS_PATH, 'text/css; charset=utf-8', REGISTRATION_CSS);
}
