import type { Contract, StudioClient } from '@shared/contract';
import { contract } from '@shared/contract';
import { createClient, type Transport } from '@shared/contract/client';
import type { CallContext } from '@shared/contract/define';
import type { Dispatcher } from './dispatcher';
import type { EventHub } from './eventHub';

/**
 * The contract's transport inside main's own process (the CLI, scripts): calls go straight to the dispatcher, so
 * they are validated exactly as the app's are, and events come from the hub. Nothing is serialized.
 */
function inProcessTransport(dispatcher: Dispatcher, events: EventHub<Contract>, context: CallContext): Transport {
  return {
    invoke: (channel, input) => dispatcher.dispatch(channel, input, context),
    subscribe: (channel, listener) =>
      events.listen((emitted, payload) => {
        if (emitted === channel) listener(payload);
      }),
  };
}

/** The typed client (`client.projects.list(...)`) over the in-process transport. */
export function inProcessClient(
  studio: { dispatcher: Dispatcher; events: EventHub<Contract> },
  caller: string,
): StudioClient {
  return createClient(contract, inProcessTransport(studio.dispatcher, studio.events, { caller }));
}
