import type { Contract, ServiceHandlers } from '@shared/contract';

/** The browser host has no capture powers of its own: the browser's picker chooses, and nothing can be hidden. */
export const browserCapture: ServiceHandlers<Contract['capture']> = {
  listSources: () => ({ pickerInApp: false, sources: [] }),
  chooseSource: () => ({}),
  setRecording: () => ({ windowHidden: false }),
};
