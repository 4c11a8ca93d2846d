/** The browser host's wire: shared by the server in main and the transport in the renderer. */
export const TOKEN_HEADER = 'x-flipside-token';
export const RPC_PATH = '/rpc/';
export const EVENTS_PATH = '/events';
export const MEDIA_PATH = '/media/';
