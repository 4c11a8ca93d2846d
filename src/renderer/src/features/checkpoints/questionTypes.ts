import { CircleDot, Hash, ListChecks, TextCursorInput, ToggleLeft, type LucideIcon } from 'lucide-react';
import type { CheckpointType } from '@shared/checkpoints/schema';

export const QUESTION_TYPES: readonly { type: CheckpointType; label: string; icon: LucideIcon }[] = [
  { type: 'single', label: 'One answer', icon: CircleDot },
  { type: 'multiple', label: 'Several answers', icon: ListChecks },
  { type: 'trueFalse', label: 'True or false', icon: ToggleLeft },
  { type: 'shortAnswer', label: 'Short answer', icon: TextCursorInput },
  { type: 'numeric', label: 'Number', icon: Hash },
];

export function questionType(type: CheckpointType): { label: string; icon: LucideIcon } {
  const found = QUESTION_TYPES.find((entry) => entry.type === type);
  if (!found) throw new Error(`Unknown question type ${type}`);
  return found;
}
