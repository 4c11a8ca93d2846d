import { decodeWire, encodeWire } from '../../src/shared/contract/wire';
import type { Take } from '../../src/shared/media/takes';

export interface HostAddress {
  readonly origin: string;
  readonly token: string;
}

/**
 * Calls the running host directly, to set up data fast and to read what the UI saved: `channel` in full
 * (`app:editor.open`), values in the contract's wire encoding (bytes, dates), as the renderer sends them.
 */
export async function rpc<T>(host: HostAddress, channel: string, input: unknown): Promise<T> {
  const send = () =>
    fetch(`${host.origin}/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flipside-token': host.token },
      body: encodeWire(input),
    });
  // A test that blocks its own event loop (ffmpeg run synchronously, a large file read) past the host's five-second
  // keep-alive gets the pooled socket the host has closed meanwhile; the call never reached the host, so it is sent
  // again once on a new one.
  const response = await send().catch((error: unknown) => {
    if (!isClosedSocket(error)) throw error;
    return send();
  });
  const answer = decodeWire(await response.text()) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

function isClosedSocket(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return ['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(cause?.code ?? '');
}

/** A project with one lesson, as a teacher would have before recording. */
export async function seedLesson(
  host: HostAddress,
  projectTitle = 'Physics 101',
  lessonTitle = 'Forces',
): Promise<{ projectId: string; lessonId: string }> {
  const project = await rpc<{ id: string }>(host, 'app:projects.create', { title: projectTitle });
  const lesson = await rpc<{ id: string }>(host, 'app:lessons.add', { projectId: project.id, title: lessonTitle });
  return { projectId: project.id, lessonId: lesson.id };
}

export function listTakes(host: HostAddress, lessonId: string, view: 'active' | 'trash' = 'active'): Promise<Take[]> {
  return rpc<Take[]>(host, 'app:takes.list', { lessonId, view });
}
