import { describe, expect, it } from 'vitest';
import { callChannels, contract, eventChannels } from './index';
import { createClient, type Transport } from './client';
import { StudioError } from './result';
import { defineService } from './define';

describe('the contract', () => {
  it('names every call app:service.method and every event onDidX', () => {
    for (const channel of callChannels(contract)) expect(channel).toMatch(/^app:[a-z]+\.[a-zA-Z]+$/);
    for (const channel of eventChannels(contract)) expect(channel).toMatch(/^app:[a-z]+\.onDid[A-Z][a-zA-Z]+$/);
  });

  it('has no channel twice', () => {
    const all = [...callChannels(contract), ...eventChannels(contract)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('rejects an event not named onDidX', () => {
    expect(() => defineService('x', {}, { changed: contract.projects.events.onDidChange })).toThrow(/onDidX/);
  });

  it('normalises titles and refuses empty ones', () => {
    const create = contract.projects.calls.create.input;
    expect(create.parse({ title: '  Photosynthesis   part  2 ' })).toEqual({
      title: 'Photosynthesis part 2',
      description: '',
    });
    const empty = create.safeParse({ title: '   ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['title']);
  });
});

describe('createClient', () => {
  function fakeTransport(result: Awaited<ReturnType<Transport['invoke']>>) {
    const calls: [string, unknown][] = [];
    const transport: Transport = {
      invoke: async (channel, input) => {
        calls.push([channel, input]);
        return result;
      },
      subscribe: (channel, listener) => {
        listener({ channel });
        return () => undefined;
      },
    };
    return { transport, calls };
  }

  it('sends each call on its channel and unwraps the value', async () => {
    const { transport, calls } = fakeTransport({ ok: true, value: [] });
    const client = createClient(contract, transport);
    await expect(client.projects.list({ query: 'x' })).resolves.toEqual([]);
    expect(calls).toEqual([['app:projects.list', { query: 'x' }]]);
  });

  it('throws a StudioError carrying the code and field issues', async () => {
    const { transport } = fakeTransport({
      ok: false,
      error: { code: 'invalid_input', message: 'bad', issues: [{ path: 'title', message: 'A title is required' }] },
    });
    const client = createClient(contract, transport);
    const error = await client.projects.create({ title: '' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StudioError);
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'title' }] });
  });

  it('subscribes events on their channel', () => {
    const { transport } = fakeTransport({ ok: true, value: null });
    const client = createClient(contract, transport);
    const seen: unknown[] = [];
    client.lessons.onDidChange((payload) => seen.push(payload));
    expect(seen).toEqual([{ channel: 'app:lessons.onDidChange' }]);
  });
});
