import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { call, defineService } from '@shared/contract/define';
import { StudioError } from '@shared/contract/result';
import { createDispatcher } from './dispatcher';

const notes = defineService(
  'notes',
  {
    add: call(
      z.object({ title: z.string().min(1, { error: 'A title is required' }), pages: z.number().int().default(1) }),
      z.object({ id: z.string() }),
    ),
    broken: call(z.object({}), z.object({ id: z.string() })),
    failing: call(z.object({}), z.object({})),
    missing: call(z.object({}), z.object({})),
  },
  {},
);

function setup() {
  const add = vi.fn((input: { title: string; pages: number }) => ({ id: `${input.title}:${input.pages}` }));
  const onInternalError = vi.fn();
  const dispatcher = createDispatcher(
    { notes },
    {
      notes: {
        add,
        broken: () => ({ id: 42 }) as unknown as { id: string },
        failing: () => {
          throw new Error('disk on fire');
        },
        missing: () => {
          throw new StudioError('not_found', 'That note no longer exists');
        },
      },
    },
    { onInternalError },
  );
  return { dispatcher, add, onInternalError };
}

describe('createDispatcher', () => {
  it('runs a well-formed call with the parsed input, defaults applied', async () => {
    const { dispatcher, add } = setup();
    await expect(dispatcher.dispatch('app:notes.add', { title: 'Cells' })).resolves.toEqual({
      ok: true,
      value: { id: 'Cells:1' },
    });
    expect(add).toHaveBeenCalledWith({ title: 'Cells', pages: 1 }, { caller: 'local' });
  });

  it('tells the handler who called, so the jobs it starts have an owner', async () => {
    const { dispatcher, add } = setup();
    await dispatcher.dispatch('app:notes.add', { title: 'Cells' }, { caller: 'window:3' });
    expect(add).toHaveBeenCalledWith({ title: 'Cells', pages: 1 }, { caller: 'window:3' });
  });

  it('refuses a malformed call naming the bad field, without reaching the handler', async () => {
    const { dispatcher, add } = setup();
    const result = await dispatcher.dispatch('app:notes.add', { title: '', pages: 'two' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(['title', 'pages']);
    expect(result.error.message).toContain('title: A title is required');
    expect(add).not.toHaveBeenCalled();
  });

  it('refuses input that is not an object at all', async () => {
    const { dispatcher } = setup();
    const result = await dispatcher.dispatch('app:notes.add', 'drop table');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers unknown_call for a channel the contract does not declare', async () => {
    const { dispatcher } = setup();
    await expect(dispatcher.dispatch('app:notes.delete', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('passes a StudioError through with its code', async () => {
    const { dispatcher } = setup();
    await expect(dispatcher.dispatch('app:notes.missing', {})).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That note no longer exists' },
    });
  });

  it('hides unexpected failures behind an internal error and reports them', async () => {
    const { dispatcher, onInternalError } = setup();
    const result = await dispatcher.dispatch('app:notes.failing', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'notes.failing failed unexpectedly' } });
    expect(onInternalError).toHaveBeenCalledWith('app:notes.failing', expect.any(Error));
  });

  it('treats output that breaks the contract as an internal error', async () => {
    const { dispatcher } = setup();
    await expect(dispatcher.dispatch('app:notes.broken', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('refuses to build when a declared call has no handler', () => {
    expect(() => createDispatcher({ notes }, { notes: {} } as never)).toThrow('No handler for notes.add');
  });
});
