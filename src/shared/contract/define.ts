import { type z } from 'zod';

/** One call between renderer and main: what it takes and what it gives back. */
export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/** One area of the app (projects, lessons, ...): its calls and the events main pushes for it. */
export interface ServiceDef<
  Name extends string = string,
  Calls extends Record<string, CallDef> = Record<string, CallDef>,
  Events extends Record<string, z.ZodType> = Record<string, z.ZodType>,
> {
  readonly name: Name;
  readonly calls: Calls;
  readonly events: Events;
}

export type ContractDef = Record<string, ServiceDef>;

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallDef<I, O> {
  return { input, output };
}

export function defineService<
  const Name extends string,
  const Calls extends Record<string, CallDef>,
  const Events extends Record<string, z.ZodType>,
>(name: Name, calls: Calls, events: Events): ServiceDef<Name, Calls, Events> {
  for (const eventName of Object.keys(events)) {
    if (!/^onDid[A-Z]/.test(eventName)) throw new Error(`Event ${name}.${eventName} must be named onDidX`);
  }
  return { name, calls, events };
}

/** The wire name of a call or event: `app:service.method`. */
export function channelOf(service: string, member: string): string {
  return `app:${service}.${member}`;
}

export type CallInput<C extends CallDef> = z.input<C['input']>;
export type CallOutput<C extends CallDef> = z.output<C['output']>;

/** Who made a call (a window, the browser host's page, the CLI): the owner of any long job it starts. */
export interface CallContext {
  readonly caller: string;
}

/** What main implements for one service: a function per call, given the parsed input and who called. */
export type ServiceHandlers<S extends ServiceDef> = {
  [K in keyof S['calls']]: (
    input: z.output<S['calls'][K]['input']>,
    context: CallContext,
  ) => z.input<S['calls'][K]['output']> | Promise<z.input<S['calls'][K]['output']>>;
};

export type ContractHandlers<C extends ContractDef> = { [S in keyof C]: ServiceHandlers<C[S]> };

/** What the renderer sees of one service: a promise per call and a subscribe function per event. */
export type ServiceClient<S extends ServiceDef> = {
  [K in keyof S['calls']]: (input: CallInput<S['calls'][K]>) => Promise<CallOutput<S['calls'][K]>>;
} & {
  [E in keyof S['events']]: (listener: (payload: z.output<S['events'][E]>) => void) => () => void;
};

export type ContractClient<C extends ContractDef> = { [S in keyof C]: ServiceClient<C[S]> };

export function callChannels(contract: ContractDef): string[] {
  return Object.values(contract).flatMap((service) =>
    Object.keys(service.calls).map((name) => channelOf(service.name, name)),
  );
}

export function eventChannels(contract: ContractDef): string[] {
  return Object.values(contract).flatMap((service) =>
    Object.keys(service.events).map((name) => channelOf(service.name, name)),
  );
}
