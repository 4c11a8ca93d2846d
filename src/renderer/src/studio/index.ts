import { contract, type StudioClient } from '@shared/contract';
import { createClient, type Transport } from '@shared/contract/client';
import { mediaPathOf } from '@shared/contract/hostProtocol';
import { createHostTransport, takeHostToken } from './hostTransport';

interface Connection {
  transport: Transport;
  /** Electron's IPC needs no token; the browser host's calls, events and media do. */
  token: string | null;
  onLost: (listener: () => void) => () => void;
}

function connect(): Connection {
  // Electron's main process lives as long as the window: there is no other run to lose it to.
  if (window.studioBridge) return { transport: window.studioBridge, token: null, onLost: () => () => undefined };
  const token = takeHostToken(window.location, window.sessionStorage, window.history) ?? '';
  const transport = createHostTransport(window.location.origin, token);
  return { transport, token, onLost: (listener) => transport.onLost(listener) };
}

const connection = connect();

/** The typed client for every service in the contract; the only way the UI talks to main. */
export const studio: StudioClient = createClient(contract, connection.transport);

/** Where a media file (a path relative to the media folder, as takes give it) is loaded from: the UI's own origin. */
export const mediaUrl = (relativePath: string): string => mediaPathOf(relativePath, connection.token);

/** Called once if the studio that served this page was restarted or stopped (browser host only). */
export const onConnectionLost = connection.onLost;
