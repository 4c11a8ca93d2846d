import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventSocket, type HostProbe, type SocketHandlers } from './eventSocket';

/**
 * The socket's rules, with the sockets played by the test (the real WebSocket is a browser's; the whole path runs
 * in e2e/connection.spec.ts against the real host). Each attempt is recorded; the test decides how it ends.
 */
function harness(probeAnswer: HostProbe = 'alive') {
  const attempts: { handlers: SocketHandlers; closed: boolean }[] = [];
  const messages: string[] = [];
  let lost = 0;
  let probes = 0;
  const socket = createEventSocket({
    connect: (handlers) => {
      const attempt = { handlers, closed: false };
      attempts.push(attempt);
      return {
        close: () => {
          attempt.closed = true;
        },
      };
    },
    probe: () => {
      probes += 1;
      return Promise.resolve(probeAnswer);
    },
    onMessage: (text) => messages.push(text),
    onLost: () => (lost += 1),
    retryDelaysMs: [100, 1000, 5000],
  });
  return {
    socket,
    attempts,
    messages,
    lost: () => lost,
    probes: () => probes,
    last: () => attempts.at(-1)?.handlers as SocketHandlers,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the events socket', () => {
  it('opens one socket however often it is asked', () => {
    const h = harness();
    for (let i = 0; i < 5; i += 1) h.socket.ensureOpen();
    expect(h.attempts).toHaveLength(1);
    h.last().onOpen();
    h.socket.ensureOpen();
    expect(h.attempts).toHaveLength(1);
  });

  it('reopens after a drop with one timer and one socket, even when asked to open while waiting', async () => {
    const h = harness();
    h.socket.ensureOpen();
    h.last().onOpen();
    for (let drop = 1; drop <= 3; drop += 1) {
      h.last().onClose();
      for (let i = 0; i < 5; i += 1) h.socket.ensureOpen();
      expect(h.attempts).toHaveLength(drop);
      await vi.advanceTimersByTimeAsync(100);
      expect(h.attempts).toHaveLength(drop + 1);
      h.last().onOpen();
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.attempts).toHaveLength(4);
    h.last().onMessage('hello');
    expect(h.messages).toEqual(['hello']);
    expect(h.lost()).toBe(0);
  });

  it('asks the host when a socket will not open, and keeps trying, slower, while it is alive', async () => {
    const h = harness('alive');
    h.socket.ensureOpen();
    h.last().onClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.probes()).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(h.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.attempts).toHaveLength(2);
    h.last().onOpen();
    expect(h.lost()).toBe(0);
  });

  it('gives up and says so, once, when the host answers with another token (it was restarted)', async () => {
    const h = harness('restarted');
    h.socket.ensureOpen();
    h.last().onOpen();
    h.last().onClose();
    await vi.advanceTimersByTimeAsync(100);
    h.last().onClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.lost()).toBe(1);
    h.socket.ensureOpen();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.attempts).toHaveLength(2);
    expect(h.lost()).toBe(1);
  });

  it('asks a host that does not answer again through every wait, then gives up once', async () => {
    const h = harness('gone');
    h.socket.ensureOpen();
    h.last().onOpen();
    h.last().onClose();
    await vi.advanceTimersByTimeAsync(100);
    // Each reopening fails and the host does not answer: a busy host gets every wait before the page gives up.
    for (let tries = 1; tries <= 3; tries += 1) {
      h.last().onClose();
      await vi.advanceTimersByTimeAsync(0);
      expect(h.lost(), `after ${tries} unanswered probes`).toBe(tries < 3 ? 0 : 1);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(h.probes()).toBe(3);
    h.socket.ensureOpen();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.attempts).toHaveLength(4);
    expect(h.lost()).toBe(1);
  });

  it('ignores what a socket says after it was closed or replaced', async () => {
    const h = harness();
    h.socket.ensureOpen();
    const first = h.last();
    first.onOpen();
    first.onClose();
    await vi.advanceTimersByTimeAsync(100);
    first.onMessage('stale');
    first.onClose();
    expect(h.messages).toEqual([]);
    expect(h.attempts).toHaveLength(2);
    h.socket.close();
    expect(h.attempts[1]?.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.attempts).toHaveLength(2);
  });
});
