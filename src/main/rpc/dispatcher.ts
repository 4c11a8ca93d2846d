import {
  channelOf,
  type CallContext,
  type CallDef,
  type ContractDef,
  type ContractHandlers,
} from '@shared/contract/define';
import { StudioError, describeIssues, type CallResult } from '@shared/contract/result';
import { storageErrorOf } from './storageErrors';

interface Route {
  readonly label: string;
  readonly def: CallDef;
  readonly handler: (input: unknown, context: CallContext) => unknown;
}

/** The caller of a call that names none: a script, a test, the studio itself. */
const LOCAL_CALLER: CallContext = { caller: 'local' };

export interface Dispatcher {
  /** Validates `input` against the call's schema, runs the handler, and answers an envelope; never throws. */
  dispatch(channel: string, input: unknown, context?: CallContext): Promise<CallResult>;
  readonly channels: readonly string[];
}

export interface DispatcherOptions {
  /** Where unexpected handler failures are reported (they reach the caller only as a generic internal error). */
  onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * The one table of handlers both transports (Electron IPC, browser host) call into. A malformed call is answered
 * with `invalid_input` naming the bad field and never reaches the service.
 */
export function createDispatcher<C extends ContractDef>(
  contract: C,
  handlers: ContractHandlers<C>,
  options: DispatcherOptions = {},
): Dispatcher {
  const routes = new Map<string, Route>();
  for (const [key, service] of Object.entries(contract)) {
    const serviceHandlers = handlers[key as keyof C] as Record<
      string,
      (input: unknown, context: CallContext) => unknown
    >;
    for (const [name, def] of Object.entries(service.calls)) {
      const handler = serviceHandlers[name];
      if (typeof handler !== 'function') throw new Error(`No handler for ${service.name}.${name}`);
      routes.set(channelOf(service.name, name), {
        label: `${service.name}.${name}`,
        def,
        handler: handler.bind(serviceHandlers),
      });
    }
  }

  async function dispatch(channel: string, input: unknown, context = LOCAL_CALLER): Promise<CallResult> {
    const route = routes.get(channel);
    if (!route) return { ok: false, error: { code: 'unknown_call', message: `There is no call named ${channel}` } };
    const parsed = route.def.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${route.label}: ${summary}`, issues },
      };
    }
    try {
      const value = await route.handler(parsed.data, context);
      return { ok: true, value: route.def.output.parse(value) };
    } catch (error) {
      if (error instanceof StudioError) return { ok: false, error: error.toCallError() };
      const storage = storageErrorOf(error);
      if (storage) return { ok: false, error: storage.toCallError() };
      options.onInternalError?.(channel, error);
      return { ok: false, error: { code: 'internal', message: `${route.label} failed unexpectedly` } };
    }
  }

  return { dispatch, channels: [...routes.keys()] };
}
