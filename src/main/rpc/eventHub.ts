import type { z } from 'zod';
import { channelOf, type ContractDef, type ServiceDef } from '@shared/contract/define';

export type EventListener = (channel: string, payload: unknown) => void;

/**
 * Main's side of the contract's events: services emit typed payloads, transports (IPC, WebSocket) listen and
 * forward them. Payloads are validated here so a service cannot push something the renderer does not expect.
 *
 * A service emits after its change is committed, so a listener that throws (a window gone mid-send, a socket
 * closing) must not reach the service: its call would answer an error for a change that was made. Each listener
 * is called on its own; a failure goes to `onListenerError` and the others still hear the event.
 */
export class EventHub<C extends ContractDef> {
  private readonly listeners = new Set<EventListener>();

  constructor(
    private readonly contract: C,
    private readonly onListenerError: (channel: string, error: unknown) => void = () => undefined,
  ) {}

  emit<S extends keyof C & string, E extends keyof C[S]['events'] & string>(
    service: S,
    event: E,
    payload: z.input<C[S]['events'][E]>,
  ): void {
    const def: ServiceDef | undefined = this.contract[service];
    const schema = def?.events[event];
    if (!def || !schema) throw new Error(`Unknown event ${service}.${event}`);
    const value = schema.parse(payload);
    const channel = channelOf(def.name, event);
    for (const listener of this.listeners) {
      try {
        listener(channel, value);
      } catch (error) {
        this.onListenerError(channel, error);
      }
    }
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
