import type { Transport } from '@shared/contract/client';

declare global {
  interface Window {
    /** Put there by the Electron preload; absent when the renderer runs in the browser host. */
    readonly studioBridge?: Transport;
  }
}
