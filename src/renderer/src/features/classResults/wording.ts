import type { LearnerStatus, StuckReason } from '@shared/classServer/analyze';
import type { Viewing } from '@shared/classServer/viewing';
import { formatClock } from '@shared/format/clock';
import { formatRelative } from '@shared/format/dates';

export const STATUS_LABELS: Record<LearnerStatus, string> = {
  notStarted: 'Not started',
  watching: 'Watching',
  stuck: 'Stuck',
  done: 'Done',
};

export const STATUS_ORDER: readonly LearnerStatus[] = ['stuck', 'watching', 'done', 'notStarted'];

const TIMES = ['no more', 'once more', 'twice more'];

/** Why a learner counts as stuck, in the words of the rule. */
export function describeReason(reason: StuckReason, now: number): string {
  switch (reason.kind) {
    case 'failed':
      return `Missed question ${reason.questionNumber} on every try`;
    case 'rewatched':
      return `Went back over ${formatClock(reason.startMs)}–${formatClock(reason.endMs)} ${
        TIMES[reason.times] ?? `${reason.times} more times`
      }`;
    case 'idle':
      return `Stopped ${formatRelative(reason.sinceMs, now)}, before the end`;
  }
}

/** The viewing record in a line: what was jumped over, pauses, speeds other than normal. */
export function describeViewing(viewing: Viewing | null): string {
  if (!viewing) return '';
  const skipped = viewing.skipped.filter((range) => range.endMs - range.startMs >= 1000);
  const parts = [
    ...(skipped.length > 0
      ? [`skipped ${skipped.map((range) => `${formatClock(range.startMs)}–${formatClock(range.endMs)}`).join(', ')}`]
      : []),
    ...(viewing.pauses > 0 ? [`${viewing.pauses} ${viewing.pauses === 1 ? 'pause' : 'pauses'}`] : []),
    ...(viewing.rates.some((rate) => rate !== 1)
      ? [`speed ${viewing.rates.map((rate) => `${rate}×`).join(', ')}`]
      : []),
  ];
  return parts.join(' · ');
}
