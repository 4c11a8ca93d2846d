import { contract, type StudioClient } from '@shared/contract';
import { createClient, type Transport } from '@shared/contract/client';
import { mediaPathOf } from '@shared/contract/hostProtocol';
import { createHostTransport, takeHostToken } from './hostTransport';

interface Connection {
  transport: Transport;
  /** Electron's IPC needs no token; the browser host's calls, events and media do. */
  token: string | null;
}

function connect(): Connection {
  if (window.studioBridge) return { transport: window.studioBridge, token: null };
  const token = takeHostToken(window.location, window.sessionStorage, window.history) ?? '';
  return { transport: createHostTransport(window.location.origin, token), token };
}

const connection = connect();

/** The typed client for every service in the contract; the only way the UI talks to main. */
export const studio: StudioClient = createClient(contract, connection.transport);

/** Where a media file (a path relative to the media folder, as takes give it) is loaded from: the UI's own origin. */
export const mediaUrl = (relativePath: string): string => mediaPathOf(relativePath, connection.token);
