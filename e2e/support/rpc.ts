import type { Take } from '../../src/shared/media/takes';

interface HostAddress {
  readonly origin: string;
  readonly token: string;
}

/** Calls the running host directly, to set up data fast and to read what the UI saved. */
export async function rpc<T>(host: HostAddress, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/rpc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flipside-token': host.token },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
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
