import type { Take } from '@shared/media/takes';
import { formatBytes } from '@shared/format/bytes';
import { formatClock } from '@shared/format/clock';

const ORIGIN: Record<Take['origin'], string> = { recorded: 'Recorded', recovered: 'Recovered', imported: 'Imported' };

/** "2:05 · 48 MB · Recorded": what the teacher needs to tell one take from another. */
export function takeFacts(take: Take): string[] {
  const bytes = take.files.reduce((sum, file) => sum + file.sizeBytes, 0);
  const roles = take.files.map((file) => file.role);
  const sources =
    roles.includes('screen') && roles.includes('camera')
      ? 'Screen + camera'
      : roles.includes('camera')
        ? 'Camera'
        : roles.includes('audio')
          ? 'Audio'
          : take.origin === 'imported'
            ? 'Video'
            : 'Screen';
  return [formatClock(take.durationMs), formatBytes(bytes), sources, ORIGIN[take.origin]];
}
