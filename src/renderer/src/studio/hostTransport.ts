import type { Transport } from '@shared/contract/client';
import { callResultSchema, type CallResult } from '@shared/contract/result';
import {
  WIRE_BINARY_TYPE,
  createCallFrameWriter,
  decodeWire,
  layOutWire,
  wireBytes,
  type WireLayout,
} from '@shared/contract/wire';
import { CALLS_PATH, EVENTS_PATH, RPC_PATH, SOCKET_CALL_BYTES, TOKEN_HEADER } from '@shared/contract/hostProtocol';
import { createEventSocket, type HostProbe } from './eventSocket';

const TOKEN_KEY = 'flipside.token';

/**
 * The browser host's token arrives once in the address (`?token=`); it is kept for this tab so a reload still
 * works, and removed from the address bar so it is not bookmarked or shared by accident.
 */
export function takeHostToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

/** What every call answers once this page has lost its studio, and what the page then says. */
export const STUDIO_RESTARTED =
  'Flipside Studio was restarted, so this page is no longer connected to it. Reopen it from the new address the studio printed when it started.';

export interface HostTransport extends Transport {
  /** Called once when the studio that served this page has been restarted or stopped. */
  onLost(listener: () => void): () => void;
}

/** Asks the host, with this page's token, whether it is still the run that served the page. */
export function probeHost(origin: string, token: string): () => Promise<HostProbe> {
  return async () => {
    try {
      const response = await fetch(new URL(`${RPC_PATH}${encodeURIComponent('app:app.info')}`, origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: '{}',
      });
      return response.status === 401 ? 'restarted' : 'alive';
    } catch {
      return 'gone';
    }
  };
}

/**
 * Calls go over HTTP POST, those carrying bytes (render output) over the calls socket; events arrive on one
 * WebSocket (see eventSocket.ts for how it reopens, and when it gives up).
 */
export function createHostTransport(origin: string, token: string): HostTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const lostListeners = new Set<() => void>();
  let lost = false;
  const calls = createCallSocket(socketUrl(origin, CALLS_PATH, token));
  const events = createEventSocket({
    connect: (handlers) => {
      const socket = new WebSocket(socketUrl(origin, EVENTS_PATH, token));
      socket.addEventListener('open', () => {
        handlers.onOpen();
      });
      socket.addEventListener('message', (message) => {
        handlers.onMessage(String(message.data));
      });
      socket.addEventListener('close', () => {
        handlers.onClose();
      });
      return socket;
    },
    probe: probeHost(origin, token),
    onMessage: (text) => {
      const { channel, payload } = JSON.parse(text) as { channel: string; payload: unknown };
      listeners.get(channel)?.forEach((listener) => listener(payload));
    },
    onLost: () => {
      lost = true;
      lostListeners.forEach((listener) => listener());
    },
  });
  const restarted: CallResult = { ok: false, error: { code: 'unauthorized', message: STUDIO_RESTARTED } };

  return {
    async invoke(channel: string, input: unknown): Promise<CallResult> {
      if (lost) return restarted;
      const layout = layOutWire(input ?? {});
      if (layout.byteLength >= SOCKET_CALL_BYTES) {
        const answered = await calls.call(channel, layout);
        if (answered) return answered;
      }
      let response: Response;
      try {
        response = await fetch(new URL(`${RPC_PATH}${encodeURIComponent(channel)}`, origin), {
          method: 'POST',
          headers: { 'content-type': WIRE_BINARY_TYPE, [TOKEN_HEADER]: token },
          body: wireBytes(layout),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: STUDIO_RESTARTED } };
      }
      if (response.status === 401) return restarted;
      return callResultSchema.parse(decodeWire(await response.text()));
    },
    subscribe(channel: string, listener: (payload: unknown) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      events.ensureOpen();
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(channel);
      };
    },
    onLost(listener) {
      if (lost) listener();
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
  };
}

function socketUrl(origin: string, path: string, token: string): URL {
  const url = new URL(path, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url;
}

const LOST: CallResult = {
  ok: false,
  error: { code: 'internal', message: 'The connection to Flipside Studio was lost during the call. Try again.' },
};

/**
 * The calls socket (see src/main/host/callSocket.ts for why bytes go this way), opened on the first call that needs
 * it and again after it drops. `call` answers null when the socket cannot be opened, so the caller uses HTTP.
 */
function createCallSocket(url: URL) {
  const pending = new Map<number, (result: CallResult) => void>();
  let nextId = 1;
  let opening: Promise<WebSocket | null> | null = null;
  const frameOf = createCallFrameWriter();
  const open = () =>
    (opening ??= new Promise<WebSocket | null>((resolve) => {
      const socket = new WebSocket(url);
      socket.binaryType = 'arraybuffer';
      socket.addEventListener('open', () => resolve(socket), { once: true });
      socket.addEventListener('message', (message) => {
        const { id, result } = decodeWire(String(message.data)) as { id: number; result: unknown };
        const answer = pending.get(id);
        pending.delete(id);
        answer?.(callResultSchema.parse(result));
      });
      socket.addEventListener('close', () => {
        opening = null;
        resolve(null);
        for (const answer of pending.values()) answer(LOST);
        pending.clear();
      });
    }));
  return {
    async call(channel: string, body: WireLayout): Promise<CallResult | null> {
      const socket = await open();
      if (!socket || socket.readyState !== WebSocket.OPEN) return null;
      const id = nextId++;
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        // Framed at the moment of sending: the frame's buffer is reused by the next call.
        socket.send(frameOf(id, channel, body));
      });
    },
  };
}
