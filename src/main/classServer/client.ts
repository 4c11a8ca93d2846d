import type { z } from 'zod';
import { apiErrorSchema, pathOf, type Endpoint } from '@shared/classServer/api';
import { StudioError } from '@shared/contract/result';

const TIMEOUT_MS = 30_000;

/** The server answered, but not with success: its status and code, for the caller to act on. */
export class ServerRefused extends StudioError {
  constructor(
    readonly status: number,
    readonly serverCode: string,
    message: string,
  ) {
    super(status === 401 || status === 403 ? 'unauthorized' : status === 404 ? 'not_found' : 'conflict', message);
  }
}

/** The server could not be reached (network down, wrong address, timed out): worth retrying later. */
export class ServerUnreachable extends StudioError {
  constructor(url: string, cause: unknown) {
    super(
      'conflict',
      `The class server at ${url} did not answer (${describe(cause)}). Check the address and your network.`,
    );
  }
}

function describe(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } }).cause;
  if (inner?.code) return inner.code;
  if (cause instanceof Error && cause.name === 'TimeoutError') return 'no answer in 30 s';
  return cause instanceof Error ? cause.message : String(cause);
}

export interface CallOptions<E extends Endpoint> {
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: E['body'] extends z.ZodType ? z.input<E['body']> : never;
  readonly signal?: AbortSignal;
}

/**
 * The studio's side of the class server API: each call checked against the shared schema on the way out and in, so
 * a server of another version fails clearly instead of filling the cache with what the studio cannot read.
 */
export class ClassServerClient {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  private signalFor(signal: AbortSignal | undefined): AbortSignal {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    return signal ? AbortSignal.any([signal, timeout]) : timeout;
  }

  private async send(
    path: string,
    init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    try {
      return await fetch(new URL(path, this.url), {
        ...init,
        headers: { authorization: `Bearer ${this.token}`, ...init.headers },
        signal: this.signalFor(signal),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ServerUnreachable(this.url, error);
    }
  }

  private static async refusal(response: Response): Promise<ServerRefused> {
    const parsed = apiErrorSchema.safeParse(await response.json().catch(() => null));
    return parsed.success
      ? new ServerRefused(response.status, parsed.data.error.code, parsed.data.error.message)
      : new ServerRefused(
          response.status,
          'unknown',
          `The class server answered ${response.status}; is this address a Flipside class server?`,
        );
  }

  async call<E extends Endpoint>(endpoint: E, options: CallOptions<E> = {}): Promise<z.output<E['response']>> {
    const query = new URLSearchParams(options.query ?? {}).toString();
    const path = `${pathOf(endpoint.path, options.params)}${query ? `?${query}` : ''}`;
    const hasBody = options.body !== undefined;
    const response = await this.send(
      path,
      {
        method: endpoint.method,
        ...(hasBody ? { body: JSON.stringify(options.body), headers: { 'content-type': 'application/json' } } : {}),
      },
      options.signal,
    );
    if (!response.ok) throw await ClassServerClient.refusal(response);
    const parsed = endpoint.response.safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      throw new StudioError(
        'conflict',
        'The class server’s answer was not understood: it may be a different version. Update both.',
      );
    return parsed.data as z.output<E['response']>;
  }

  /** The raw answer of a call that sends a file back (an export). */
  async download(path: string, signal?: AbortSignal): Promise<Buffer> {
    const response = await this.send(path, { method: 'GET' }, signal);
    if (!response.ok) throw await ClassServerClient.refusal(response);
    return Buffer.from(await response.arrayBuffer());
  }

  /** One chunk of an upload as raw bytes; answers where the next chunk starts. */
  async putChunk(path: string, bytes: Uint8Array, signal: AbortSignal): Promise<Response> {
    return this.send(
      path,
      { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } },
      signal,
    );
  }
}
