import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callChannels, contract, eventChannels, type CallResult } from '@shared/contract';
import type { Transport } from '@shared/contract/client';

// The bridge carries contract channels only; the renderer never gets ipcRenderer itself.
const calls = new Set(callChannels(contract));
const events = new Set(eventChannels(contract));

const bridge: Transport = {
  async invoke(channel: string, input: unknown): Promise<CallResult> {
    if (!calls.has(channel))
      return { ok: false, error: { code: 'unknown_call', message: `There is no call named ${channel}` } };
    try {
      return (await ipcRenderer.invoke(channel, input)) as CallResult;
    } catch {
      return { ok: false, error: { code: 'internal', message: `${channel} could not reach Flipside Studio` } };
    }
  },
  subscribe(channel: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(channel)) throw new Error(`There is no event named ${channel}`);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.off(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('studioBridge', bridge);
