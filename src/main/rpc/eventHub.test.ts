import { describe, expect, it, vi } from 'vitest';
import { contract } from '@shared/contract';
import { openStudio } from '../studio';
import { tempDir } from '../testing/tempStudio';
import { EventHub } from './eventHub';

const PROJECT_ID = '00000000-0000-4000-8000-000000000001';

describe('EventHub', () => {
  it('tells every listener, reporting one that throws instead of throwing to the service', () => {
    const onListenerError = vi.fn();
    const hub = new EventHub(contract, onListenerError);
    const heard: string[] = [];
    hub.listen(() => {
      throw new Error('window gone');
    });
    hub.listen((channel) => heard.push(channel));
    expect(() => hub.emit('projects', 'onDidChange', { projectId: PROJECT_ID })).not.toThrow();
    expect(heard).toEqual(['app:projects.onDidChange']);
    expect(onListenerError).toHaveBeenCalledWith('app:projects.onDidChange', new Error('window gone'));
  });

  it('still refuses a payload the contract does not allow (a service bug, not a listener’s)', () => {
    const hub = new EventHub(contract);
    expect(() => hub.emit('projects', 'onDidChange', { projectId: 'not an id' })).toThrow();
  });

  it('keeps a committed change an ok answer when a listener throws, and reports the listener', async () => {
    const onInternalError = vi.fn();
    const studio = openStudio({ dataDir: tempDir(), host: 'cli', onInternalError });
    try {
      studio.events.listen(() => {
        throw new Error('socket closing');
      });
      const created = await studio.dispatcher.dispatch('app:projects.create', { title: 'Optics' });
      expect(created).toMatchObject({ ok: true, value: { title: 'Optics' } });
      const listed = await studio.dispatcher.dispatch('app:projects.list', {});
      expect(listed.ok && JSON.stringify(listed.value)).toContain('Optics');
      expect(onInternalError).toHaveBeenCalledWith('app:projects.onDidChange', new Error('socket closing'));
    } finally {
      await studio.close();
    }
  });
});
