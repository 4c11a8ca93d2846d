import { useCallback, useEffect, useRef, useState } from 'react';
import type { Take } from '@shared/media/takes';
import { describeFlagged } from '@shared/editor/carryOver';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { quoted } from '../../ui/Quoted';
import type { SwitchResult } from './SwitchTakeDialog';

export interface SwitchTake {
  /** The recording the teacher is asked about; null when nobody is asking. */
  target: Take | null;
  ask: (take: Take) => void;
  close: () => void;
  done: (result: SwitchResult) => void;
  /** What the last switch copied that the teacher should look at, until dismissed. */
  flagged: { title: string; lines: string[] } | null;
  dismiss: () => void;
}

/**
 * The lesson switching to another recording: asked from the list, or offered once for a recording just made while
 * the lesson already used another one (a new recording never replaces the one being edited by itself).
 */
export function useSwitchTake(activeTake: Take | null, justRecorded: Take | null): SwitchTake {
  const toast = useToast();
  const [target, setTarget] = useState<Take | null>(null);
  const [flagged, setFlagged] = useState<SwitchTake['flagged']>(null);
  const offered = useRef<string | null>(null);

  useEffect(() => {
    if (!justRecorded || !activeTake || offered.current === justRecorded.id) return;
    offered.current = justRecorded.id;
    if (activeTake.id !== justRecorded.id) setTarget(justRecorded);
  }, [activeTake, justRecorded]);

  const close = useCallback(() => setTarget(null), []);
  const done = useCallback(
    (result: SwitchResult) => {
      setTarget(null);
      const copied = result.carried > 0 ? ` (${String(result.carried)} copied across)` : '';
      toast.show({ message: quoted('The lesson now uses ', result.take.title, copied) });
      const lines = describeFlagged(result.flagged, result.take.title);
      setFlagged(lines.length > 0 ? { title: result.take.title, lines } : null);
    },
    [toast],
  );
  return { target, ask: setTarget, close, done, flagged, dismiss: () => setFlagged(null) };
}

/** Stays on the lesson page after a switch until the teacher has read what to move. */
export function SwitchedNotice({ switching }: { switching: SwitchTake }) {
  if (!switching.flagged) return null;
  return (
    <Banner tone="info" role="status">
      <div>
        {switching.flagged.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <Button variant="ghost" size="sm" onPress={switching.dismiss}>
        Dismiss
      </Button>
    </Banner>
  );
}
