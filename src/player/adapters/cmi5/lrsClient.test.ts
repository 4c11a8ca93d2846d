import { describe, expect, it } from 'vitest';
import { createCallLog } from '../callLog';
import { createLrsClient, type Fetch } from './lrsClient';

/** A scripted network: each POST answers the next status (0: no answer at all); every request is recorded. */
function network(statuses: number[]) {
  const sent: { url: string; body: unknown; keepalive: boolean }[] = [];
  const fetch: Fetch = (url, init) => {
    const status = init.method === 'GET' ? 404 : (statuses.shift() ?? 200);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    sent.push({ url, body, keepalive: init.keepalive === true });
    return status === 0
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve(new Response(null, { status }));
  };
  return { sent, fetch };
}

function client(statuses: number[]) {
  const net = network(statuses);
  const timers: { ms: number; task: () => void }[] = [];
  const log = createCallLog('test');
  const lrs = createLrsClient({
    endpoint: 'http://lrs.test/xapi',
    fetch: net.fetch,
    log,
    setTimer: (task, ms) => timers.push({ task, ms }),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { ...net, lrs, log, timers, settle };
}

const statement = (id: string) => ({ kind: 'statements' as const, statements: [{ id }] });

describe('createLrsClient', () => {
  it('keeps writes in order while the LRS is unreachable or failing, and sends them when it answers again', async () => {
    const { lrs, sent, timers, settle, log } = client([0, 503, 200, 200]);
    lrs.enqueue(statement('a'));
    lrs.enqueue(statement('b'));
    lrs.flush();
    await settle();
    expect(lrs.pending()).toBe(2);
    expect(timers.map((timer) => timer.ms)).toEqual([1000]);
    timers.shift()?.task();
    await settle();
    expect(timers.map((timer) => timer.ms)).toEqual([2000]);
    timers.shift()?.task();
    await settle();
    expect(lrs.pending()).toBe(0);
    expect(sent.map((request) => (request.body as { id: string }[])[0]?.id)).toEqual(['a', 'a', 'a', 'b']);
    expect(sent[0]?.url).toBe('http://lrs.test/xapi/statements');
    expect(log.lastError()).toMatch(/answered 503; kept and sent again later/);
  });

  it('drops a write the LRS refuses, since sending it again cannot help, and goes on with the next', async () => {
    const { lrs, sent, timers, settle, log } = client([400, 200]);
    lrs.enqueue(statement('bad'));
    lrs.enqueue(statement('good'));
    lrs.flush();
    await settle();
    expect(timers).toEqual([]);
    expect(lrs.pending()).toBe(0);
    expect(sent).toHaveLength(2);
    expect(log.lastError()).toMatch(/answered 400; refused, so it is dropped/);
  });

  it('sends everything at once, to outlive the page, when the page is going away', () => {
    const { lrs, sent } = client([]);
    lrs.enqueue(statement('a'));
    lrs.enqueue({ kind: 'state', query: { stateId: 's' }, document: { x: 1 } });
    lrs.enqueue(statement('b'));
    lrs.flush(true);
    expect(lrs.pending()).toBe(0);
    expect(sent.map((request) => [request.url.replace(/\?.*/, ''), request.keepalive])).toEqual([
      ['http://lrs.test/xapi/statements', true],
      ['http://lrs.test/xapi/activities/state', true],
    ]);
    expect(sent[0]?.body).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
