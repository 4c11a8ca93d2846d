const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Chosen from the extension only: we serve our own files, and sniffing would let a file pose as another type. */
export function contentTypeOf(filePath: string): string {
  const name = filePath.split(/[/\\]/).pop() ?? '';
  const extension = /(?<=.)\.[^.]*$/.exec(name)?.[0] ?? '';
  return CONTENT_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
}
