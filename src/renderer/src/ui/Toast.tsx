import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  Button as AriaButton,
  Text,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { X } from 'lucide-react';
import { describeError } from '../lib/errors';

export interface ToastMessage {
  /** Put the teacher's text in it with quoted() (ui/Quoted.tsx), so it is isolated. */
  message: ReactNode;
  tone?: 'info' | 'error';
  /** One follow-up the teacher can take, e.g. Undo. */
  action?: { label: string; run: () => void };
}

export interface Toaster {
  show: (message: ToastMessage) => void;
  /** Reports a failed call in plain words. */
  error: (error: unknown) => void;
}

const ToastContext = createContext<Toaster | null>(null);

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast needs a <ToastProvider>');
  return toaster;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [queue] = useState(() => new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 }));
  const toaster = useMemo<Toaster>(
    () => ({
      show: (message) => queue.add(message, { timeout: message.tone === 'error' ? 10_000 : 8_000 }),
      error: (error) => queue.add({ message: describeError(error), tone: 'error' }, { timeout: 10_000 }),
    }),
    [queue],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <ToastRegion queue={queue} className="toast-region">
        {({ toast }) => (
          <AriaToast toast={toast} className={toast.content.tone === 'error' ? 'toast toast-error' : 'toast'}>
            <ToastContent className="toast-content">
              <Text slot="title">{toast.content.message}</Text>
            </ToastContent>
            {toast.content.action && (
              <AriaButton
                className="toast-action"
                onPress={() => {
                  toast.content.action?.run();
                  queue.close(toast.key);
                }}
              >
                {toast.content.action.label}
              </AriaButton>
            )}
            <AriaButton slot="close" className="toast-close" aria-label="Dismiss">
              <X size={16} aria-hidden="true" />
            </AriaButton>
          </AriaToast>
        )}
      </ToastRegion>
    </ToastContext.Provider>
  );
}
