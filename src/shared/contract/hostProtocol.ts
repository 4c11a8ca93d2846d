/** The browser host's wire: shared by the server in main and the transport in the renderer. */
export const TOKEN_HEADER = 'x-flipside-token';
export const RPC_PATH = '/rpc/';
export const EVENTS_PATH = '/events';
export const MEDIA_PATH = '/media/';
/** A WebSocket for calls that carry bytes (render output): see `callFrame` in wire.ts. */
export const CALLS_PATH = '/calls';
/** Calls whose binary body is at least this big go over the calls socket; smaller ones over HTTP. */
export const SOCKET_CALL_BYTES = 256 * 1024;
