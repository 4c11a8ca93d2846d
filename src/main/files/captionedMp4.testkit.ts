import { execFileSync } from 'node:child_process';

export interface SubtitleStream {
  codec: string;
  tag: string;
  language: string | undefined;
  name: string | undefined;
  isDefault: boolean;
}

/** The file's subtitle streams as Debian's ffprobe, an independent reader, sees them. */
export function subtitleStreams(file: string): SubtitleStream[] {
  const out = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      's',
      '-show_entries',
      'stream=codec_name,codec_tag_string:stream_tags=language,handler_name:stream_disposition=default',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  const parsed = JSON.parse(out) as {
    streams: {
      codec_name: string;
      codec_tag_string: string;
      tags?: { language?: string; handler_name?: string };
      disposition: { default: number };
    }[];
  };
  return parsed.streams.map((stream) => ({
    codec: stream.codec_name,
    tag: stream.codec_tag_string,
    language: stream.tags?.language,
    name: stream.tags?.handler_name,
    isDefault: stream.disposition.default === 1,
  }));
}

/** An MD5 of one stream's packets (`v:0`, `a:0`), read by ffmpeg: equal only where the packets were copied byte for byte. */
export function streamPacketsMd5(file: string, stream: string): string {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', `0:${stream}`, '-c', 'copy', '-f', 'md5', '-'], {
    encoding: 'utf8',
  }).trim();
}

/** One subtitle stream of the file as SRT, as ffmpeg extracts it, with plain line ends. */
export function subtitleSrt(file: string, index: number): string {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', `0:s:${String(index)}`, '-f', 'srt', '-'], {
    encoding: 'utf8',
  }).replaceAll('\r\n', '\n');
}
