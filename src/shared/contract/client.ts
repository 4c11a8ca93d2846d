import { channelOf, type ContractClient, type ContractDef } from './define';
import { StudioError, type CallResult } from './result';

/** How a client reaches main: Electron IPC through the preload, or the browser host's HTTP and WebSocket. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<CallResult>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Builds the typed client from the contract's names, so renderer and main can never disagree on a channel. */
export function createClient<C extends ContractDef>(contract: C, transport: Transport): ContractClient<C> {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [key, service] of Object.entries(contract)) {
    const members: Record<string, unknown> = {};
    for (const name of Object.keys(service.calls)) {
      const channel = channelOf(service.name, name);
      members[name] = async (input: unknown) => {
        const result = await transport.invoke(channel, input);
        if (!result.ok) throw new StudioError(result.error.code, result.error.message, result.error.issues);
        return result.value;
      };
    }
    for (const name of Object.keys(service.events)) {
      const channel = channelOf(service.name, name);
      members[name] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
    }
    client[key] = members;
  }
  return client as ContractClient<C>;
}
