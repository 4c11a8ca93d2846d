import { EditRefusedError } from '../../timeline/editList';
import type { LessonDocument, Marker } from '../document';
import { sortMarkers } from '../ordering';

export function findMarker(doc: LessonDocument, id: string): Marker {
  const marker = doc.markers.find((item) => item.id === id);
  if (!marker) throw new EditRefusedError('That key moment no longer exists');
  return marker;
}

export function replaceMarker(doc: LessonDocument, next: Marker): LessonDocument {
  return { ...doc, markers: sortMarkers(doc.markers.map((item) => (item.id === next.id ? next : item))) };
}

export function clampToTake(doc: LessonDocument, ms: number): number {
  return Math.min(Math.max(Math.round(ms), 0), doc.editList.sourceDuration);
}
