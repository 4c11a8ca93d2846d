import { TestLtiPlatform } from '../../src/server/testing/ltiPlatform.testkit';
import { freePort, serveCommand, startClassServer } from './classServer';

/**
 * The test LMS on 127.0.0.1, started, for a class server to come on localhost at `port`: two sites, so the tool's
 * frame in the LMS is a third party.
 */
export async function startTestLms(): Promise<{ lms: TestLtiPlatform; port: number; tool: string }> {
  const port = await freePort();
  const tool = `http://localhost:${port}`;
  const lms = new TestLtiPlatform({
    clientId: 'flipside',
    deploymentId: 'deployment-1',
    loginUrl: `${tool}/lti/login`,
    redirectUri: `${tool}/lti/launch`,
  });
  await lms.start();
  return { lms, port, tool };
}

/** `flipside serve platforms add` for the test LMS, as its admin would type it, plus any further options. */
export function registerTestLms(
  dataDir: string,
  lms: TestLtiPlatform,
  more: readonly string[] = [],
  database?: string,
): void {
  serveCommand(
    dataDir,
    [
      'platforms',
      'add',
      '--name',
      'Test LMS',
      '--issuer',
      lms.issuer,
      '--client-id',
      'flipside',
      '--auth-url',
      lms.authUrl,
      '--jwks-url',
      lms.jwksUrl,
      '--deployment',
      'deployment-1',
      ...more,
    ],
    database,
  );
}

/**
 * The test LMS on 127.0.0.1 with no tool registered yet, for a class server to come on localhost at `port`: the tool
 * registers itself (LTI Dynamic Registration) from the LMS's admin page.
 */
export async function startUnregisteredTestLms(): Promise<{ lms: TestLtiPlatform; port: number; tool: string }> {
  const port = await freePort();
  const lms = new TestLtiPlatform(null);
  await lms.start();
  return { lms, port, tool: `http://localhost:${port}` };
}

/**
 * The test LMS on 127.0.0.1 and a class server on localhost (two sites) with teachers Ada and Bob, the LMS registered
 * with grades and `registration` (`--teacher <email>` or `--school`); on PostgreSQL when given a database, else the
 * embedded one.
 */
export async function lmsWithClassServer(registration: readonly string[], database?: string) {
  const { lms, port, tool } = await startTestLms();
  let bobToken = '';
  const server = await startClassServer(database, 1, {
    port,
    publicHost: 'localhost',
    prepare: (dataDir) => {
      bobToken = serveCommand(dataDir, ['teachers', 'add', '--email', 'bob@school.example'], database);
      registerTestLms(dataDir, lms, ['--token-url', lms.tokenUrl, ...registration], database);
    },
  });
  return {
    port,
    tool,
    lms,
    server,
    bobToken,
    async close() {
      await server.stop();
      server.remove();
      await lms.close();
    },
  };
}
