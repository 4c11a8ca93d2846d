/** What the host says when the events socket would not reopen: still there, there with another token, or gone. */
export type HostProbe = 'alive' | 'restarted' | 'gone';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Also when the socket never opened (refused, nothing listening). */
  onClose(): void;
}

export interface EventSocketOptions {
  /** Opens one socket (a browser WebSocket in the page). */
  connect(handlers: SocketHandlers): { close(): void };
  probe(): Promise<HostProbe>;
  onMessage(text: string): void;
  /** The page can no longer reach the studio that served it; called once, after which nothing is retried. */
  onLost(): void;
  /** Waits before each attempt to reopen; the last one repeats while the host is alive. */
  retryDelaysMs?: readonly number[];
}

export interface EventSocket {
  /** Opens the socket unless it is open, opening, or waiting to reopen. */
  ensureOpen(): void;
  close(): void;
}

const DEFAULT_DELAYS = [250, 1000, 2000, 5000];

/**
 * The browser host's events socket: at most one socket and one timer at any moment, however often it drops or
 * is asked to open. When it drops it is reopened after a short wait; when it will not reopen, the host is asked
 * why. A host that answers with another token has been restarted (each run has its own token, and often its own
 * port), and one that has not answered through every wait has stopped: this page can never reach it again, so
 * retrying stops and the page is told to be reopened from the new address.
 */
export function createEventSocket(options: EventSocketOptions): EventSocket {
  const delays = options.retryDelaysMs ?? DEFAULT_DELAYS;
  type State = 'idle' | 'connecting' | 'open' | 'waiting' | 'probing' | 'lost' | 'closed';
  let state: State = 'idle';
  let socket: { close(): void } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let current: symbol | null = null;

  function open(): void {
    state = 'connecting';
    let opened = false;
    // A socket that was replaced may still report (a late close): only the current one counts.
    const attempt = Symbol('attempt');
    current = attempt;
    socket = options.connect({
      onOpen: () => {
        if (current !== attempt) return;
        opened = true;
        failures = 0;
        if (state === 'connecting') state = 'open';
      },
      onMessage: (text) => {
        if (current === attempt && state === 'open') options.onMessage(text);
      },
      onClose: () => {
        if (current !== attempt) return;
        current = null;
        socket = null;
        if (state !== 'connecting' && state !== 'open') return;
        if (opened) {
          retryLater();
          return;
        }
        failures += 1;
        state = 'probing';
        void options.probe().then(afterProbe, () => {
          afterProbe('gone');
        });
      },
    });
  }

  function afterProbe(answer: HostProbe): void {
    if (state !== 'probing') return;
    // Another token is final. No answer at all may be a host too busy to take the call (a remux on a loaded
    // machine), so it is asked again through the waits before the page is told it is gone.
    if (answer === 'alive' || (answer === 'gone' && failures < delays.length)) {
      retryLater();
      return;
    }
    state = 'lost';
    options.onLost();
  }

  function retryLater(): void {
    state = 'waiting';
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 1000;
    timer = setTimeout(() => {
      timer = null;
      if (state === 'waiting') open();
    }, delay);
  }

  return {
    ensureOpen() {
      if (state === 'idle') open();
    },
    close() {
      state = 'closed';
      if (timer !== null) clearTimeout(timer);
      timer = null;
      current = null;
      socket?.close();
      socket = null;
    },
  };
}
