import { contract, type StudioClient } from '@shared/contract';
import { createClient, type Transport } from '@shared/contract/client';
import { createHostTransport, takeHostToken } from './hostTransport';
import { MEDIA_PATH } from '@shared/contract/hostProtocol';

interface Connection {
  transport: Transport;
  /** Where a media file (a path relative to the media folder, as takes give it) can be loaded from. */
  mediaUrl: (relativePath: string) => string;
}

const encodePath = (relativePath: string) => relativePath.split('/').map(encodeURIComponent).join('/');

function connect(): Connection {
  if (window.studioBridge)
    return { transport: window.studioBridge, mediaUrl: (path) => `app-media://media/${encodePath(path)}` };
  const token = takeHostToken(window.location, window.sessionStorage, window.history) ?? '';
  return {
    transport: createHostTransport(window.location.origin, token),
    mediaUrl: (path) => `${MEDIA_PATH}${encodePath(path)}?token=${encodeURIComponent(token)}`,
  };
}

const connection = connect();

/** The typed client for every service in the contract; the only way the UI talks to main. */
export const studio: StudioClient = createClient(contract, connection.transport);

export const mediaUrl = connection.mediaUrl;
