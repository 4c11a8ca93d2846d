import type { CheckpointResponse } from '@shared/checkpoints';
import type { LessonPackage } from '@shared/player';
import type { StartResult } from '../adapter';
import type { Reporter } from '../core/reporter';
import type { PlayerCheckpoint, PlayerSession } from '../core/session';
import { uid } from './dom';
import { openModal, type Modal } from './modal';
import { questionPromptId, showQuestion } from './questionDialog';
import { showSummary } from './summaryDialog';

export interface LessonDialogsContext {
  readonly lesson: LessonPackage;
  readonly session: PlayerSession;
  readonly reporter: Reporter;
  readonly start: StartResult;
  /** The whole player: a dialog takes focus only from inside it. */
  readonly player: HTMLElement;
  /** Where a dialog opens over the video. */
  readonly layer: HTMLElement;
  /** The rest of the player, made inert while a dialog is open (asked each time: the panels may come and go). */
  readonly inert: () => HTMLElement[];
  /** Where focus goes back to when a dialog closes. */
  readonly returnTo: () => HTMLElement;
  readonly hideNotice: () => void;
  /** Shows each checkpoint's status again after an answer or a skip. */
  readonly refreshStatuses: () => void;
  /** Plays on from `ms`: "watch that part again" and the summary's review links. */
  readonly rewatch: (ms: number) => void;
  readonly play: () => void;
  readonly pause: () => void;
}

export interface LessonDialogs {
  /** While one is open, the player's own keys and clicks wait. */
  isOpen(): boolean;
  /** The checkpoint's question, where playback stopped for it. */
  ask(checkpoint: PlayerCheckpoint): void;
  /** The learner's result at the end of the lesson. */
  summarize(): void;
  close(): void;
}

/** The question and summary dialogs, one at a time over the video. */
export function createLessonDialogs(context: LessonDialogsContext): LessonDialogs {
  const { lesson, session, reporter, start } = context;
  let modal: Modal | null = null;
  let closeContent: () => void = () => undefined;

  const closeModal = () => {
    closeContent();
    closeContent = () => undefined;
    modal?.close();
    modal = null;
  };
  const open = (labelledBy: string, className: string, onEscape: () => void) => {
    closeModal();
    context.hideNotice();
    modal = openModal({
      player: context.player,
      layer: context.layer,
      inert: context.inert(),
      labelledBy,
      className,
      returnTo: context.returnTo,
      onEscape,
    });
    return modal;
  };

  const ask = (checkpoint: PlayerCheckpoint) => {
    const promptId = questionPromptId();
    const dialog = open(promptId, 'fs-question-dialog', closeModal);
    const openedAt = Date.now();
    const record = session.state.attempts[checkpoint.id];
    closeContent = showQuestion(
      dialog,
      promptId,
      {
        checkpoint,
        number: session.checkpoints.indexOf(checkpoint) + 1,
        count: session.checkpoints.length,
        attemptsLeft: checkpoint.attemptsAllowed === null ? null : session.attemptsLeft(checkpoint),
        previous: record?.response ?? null,
        canSkip: !checkpoint.required && (record?.count ?? 0) === 0,
      },
      {
        submit: (response: CheckpointResponse) => {
          const outcome = session.answer(checkpoint, response, {
            latencyMs: Date.now() - openedAt,
            timestamp: new Date(),
          });
          if (outcome.kind === 'scored') {
            reporter.answered(outcome.interaction);
            context.refreshStatuses();
          }
          return outcome;
        },
        rewatch: (ms) => {
          closeModal();
          context.rewatch(ms);
        },
        proceed: () => {
          closeModal();
          context.play();
        },
        skip: () => {
          session.skip(checkpoint);
          context.refreshStatuses();
          reporter.save(true);
          closeModal();
          context.play();
        },
      },
    );
  };

  const summarize = () => {
    reporter.result();
    reporter.save(true);
    const titleId = uid('summary');
    const dialog = open(titleId, 'fs-summary-dialog', closeModal);
    closeContent = showSummary(
      dialog,
      titleId,
      {
        report: session.report(),
        attempt: session.attempt(),
        mode: start.mode,
        masteryPercent: lesson.rules.masteryPercent,
        rows: session.summary(),
      },
      {
        review: (ms) => {
          closeModal();
          context.rewatch(ms);
        },
        close: closeModal,
        ...(start.returnUrl === undefined ? {} : { leave: () => void leave(start.returnUrl ?? '') }),
      },
    );
  };
  // cmi5's returnURL: the session ends (terminated) before the LMS page takes over the frame.
  const leave = async (url: string) => {
    closeModal();
    context.pause();
    await reporter.finish();
    window.location.assign(url);
  };

  return { isOpen: () => modal !== null, ask, summarize, close: closeModal };
}
