import type { z } from 'zod';
import { channelOf, type ContractDef, type ServiceDef } from '@shared/contract/define';

export type EventListener = (channel: string, payload: unknown) => void;

/**
 * Main's side of the contract's events: services emit typed payloads, transports (IPC, WebSocket) listen and
 * forward them. Payloads are validated here so a service cannot push something the renderer does not expect.
 */
export class EventHub<C extends ContractDef> {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly contract: C) {}

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
    for (const listener of this.listeners) listener(channel, value);
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
