import { useCallback, useEffect, useRef, useState } from 'react';
import type { Take } from '@shared/media/takes';
import { describeError } from '../../lib/errors';
import { recordingShortcutOf } from '@shared/capture/recordingShortcuts';
import { MOD_KEY } from '../../lib/shortcutKeys';
import { studio } from '../../studio';
import { RecordingSession, type CaptureStreams, type SessionState } from './recordingSession';

export type RecorderPhase = 'setup' | 'countdown' | 'starting' | 'recording' | 'paused' | 'stopping';

export interface RecordingControl {
  phase: RecorderPhase;
  /** 3, 2, 1 while counting down. */
  countdown: number | null;
  /** The latest thing the teacher must know (a device went away, a write failed), or null. */
  notice: string | null;
  /** Recorded time so far, pauses excluded; 0 before recording. */
  elapsedMs: () => number;
  start: (streams: CaptureStreams, withCountdown: boolean) => void;
  cancelCountdown: () => void;
  togglePause: () => void;
  stop: () => Promise<void>;
  discard: () => Promise<void>;
  dismissNotice: () => void;
}

interface Options {
  lessonId: string;
  /**
   * The take is on disk and made the lesson's active take. `notice` says why, when the take ended by itself (screen
   * sharing ended, the only camera was unplugged): the recorder closes next, so the caller must carry it on.
   */
  onSaved: (take: Take, notice: string | null) => void;
}

const COUNTDOWN_FROM = 3;

/** One recording's life on the recorder screen: countdown, the session, pause, stop, discard, and the menu's shortcuts. */
export function useRecordingControl({ lessonId, onSaved }: Options): RecordingControl {
  const [phase, setPhase] = useState<RecorderPhase>('setup');
  const [countdown, setCountdown] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const session = useRef<RecordingSession | null>(null);
  const countdownTimer = useRef<number | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const saved = useCallback(async (take: Take | null, notice: string | null = null) => {
    session.current = null;
    setPhase('setup');
    // The lesson keeps the recording it uses: its edits belong to it, so the lesson screen asks before switching.
    if (take) onSavedRef.current(take, notice);
  }, []);

  const begin = useCallback(
    async (streams: CaptureStreams) => {
      setPhase('starting');
      let lastNotice: string | null = null;
      try {
        session.current = await RecordingSession.start(studio, lessonId, streams, {
          onState: (state: SessionState) => {
            if (state === 'recording' || state === 'paused' || state === 'stopping') setPhase(state);
          },
          onNotice: (message) => {
            lastNotice = message;
            setNotice(message);
          },
          onEnded: (take) => void saved(take, lastNotice),
        });
        setNotice(null);
        setPhase('recording');
      } catch (error) {
        setNotice(`Recording could not start. ${describeError(error)}`);
        setPhase('setup');
      }
    },
    [lessonId, saved],
  );

  const clearCountdown = useCallback(() => {
    if (countdownTimer.current !== null) window.clearInterval(countdownTimer.current);
    countdownTimer.current = null;
    setCountdown(null);
  }, []);

  const start = useCallback(
    (streams: CaptureStreams, withCountdown: boolean) => {
      if (phase !== 'setup') return;
      if (!withCountdown) return void begin(streams);
      let left = COUNTDOWN_FROM;
      setCountdown(left);
      setPhase('countdown');
      countdownTimer.current = window.setInterval(() => {
        left -= 1;
        if (left > 0) {
          setCountdown(left);
          return;
        }
        clearCountdown();
        void begin(streams);
      }, 1000);
    },
    [phase, begin, clearCountdown],
  );

  const cancelCountdown = useCallback(() => {
    clearCountdown();
    setPhase('setup');
  }, [clearCountdown]);

  const togglePause = useCallback(() => {
    const current = session.current;
    if (current?.current === 'recording') current.pause();
    else if (current?.current === 'paused') current.resume();
  }, []);

  const stop = useCallback(async () => {
    const current = session.current;
    if (!current) return;
    await saved(await current.stop());
  }, [saved]);

  const discard = useCallback(async () => {
    const current = session.current;
    if (!current) return;
    try {
      await current.discard();
      setNotice('The recording was discarded.');
    } catch (error) {
      setNotice(`The recording could not be discarded. ${describeError(error)}`);
    }
    session.current = null;
    setPhase('setup');
  }, []);

  // Electron hides the studio from the screen take and turns on the global shortcuts while a take is live.
  const isLive = phase === 'recording' || phase === 'paused';
  useEffect(() => {
    if (!isLive) return;
    void studio.capture.setRecording({ recording: true }).catch(() => undefined);
    return () => void studio.capture.setRecording({ recording: false }).catch(() => undefined);
  }, [isLive]);

  const commands = useRef({ togglePause, stop });
  commands.current = { togglePause, stop };
  useEffect(
    () =>
      studio.app.onDidRequestCommand(({ command }) => {
        if (command === 'toggleRecordingPause') commands.current.togglePause();
        else if (command === 'stopRecording') void commands.current.stop();
      }),
    [],
  );

  // In the window too: the browser host has no global shortcuts, and in Electron these keys reach the window only
  // when the global ones are not registered.
  useEffect(() => {
    if (!isLive) return;
    const onKey = (event: KeyboardEvent) => {
      const shortcut = recordingShortcutOf(event, MOD_KEY === '⌘');
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut === 'togglePause') commands.current.togglePause();
      else void commands.current.stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isLive]);

  // Leaving the screen mid-take keeps what was recorded rather than dropping it.
  useEffect(
    () => () => {
      if (countdownTimer.current !== null) window.clearInterval(countdownTimer.current);
      void session.current?.stop();
    },
    [],
  );

  const elapsedMs = useCallback(() => session.current?.elapsedMs() ?? 0, []);
  return {
    phase,
    countdown,
    notice,
    elapsedMs,
    start,
    cancelCountdown,
    togglePause,
    stop,
    discard,
    dismissNotice: () => setNotice(null),
  };
}
