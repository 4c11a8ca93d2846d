import { useEffect, useMemo } from 'react';
import type { LessonMap } from '@shared/timeline';
import { THUMB_HEIGHT, THUMB_WIDTH, THUMBS_PER_WINDOW, WINDOW_MS } from '../media/derivedFormat';
import type { DerivedSource } from '../media/derivedSource';
import { useDerivedVersion } from '../media/useDerivedSource';
import type { TimelineView } from './useTimelineView';
import styles from './Filmstrip.module.css';

const TILE_HEIGHT = 44;
const TILE_WIDTH = Math.round((THUMB_WIDTH / THUMB_HEIGHT) * TILE_HEIGHT);

interface Tile {
  x: number;
  width: number;
  window: number;
  index: number;
}

/** Thumbnails along the kept lesson, each the frame nearest the middle of its tile; windows load as they scroll in. */
export function Filmstrip({ view, map, source }: { view: TimelineView; map: LessonMap; source: DerivedSource | null }) {
  useDerivedVersion(source);
  const tiles = useMemo(() => {
    const found: Tile[] = [];
    const lastX = Math.min(view.scrollLeft + view.width, map.duration * view.pxPerMs);
    for (let x = Math.floor(view.scrollLeft / TILE_WIDTH) * TILE_WIDTH; x < lastX; x += TILE_WIDTH) {
      const sourceMs = map.lessonToSource((x + TILE_WIDTH / 2) / view.pxPerMs);
      const window = Math.floor(sourceMs / WINDOW_MS);
      found.push({
        x,
        width: Math.min(TILE_WIDTH, map.duration * view.pxPerMs - x),
        window,
        index: Math.min(THUMBS_PER_WINDOW - 1, Math.floor(((sourceMs % WINDOW_MS) / WINDOW_MS) * THUMBS_PER_WINDOW)),
      });
    }
    return found;
  }, [map, view.pxPerMs, view.scrollLeft, view.width]);

  const windows = useMemo(() => [...new Set(tiles.map((tile) => tile.window))], [tiles]);
  useEffect(() => source?.want('thumbs', windows), [source, windows]);

  return (
    <div className={styles.filmstrip} aria-hidden="true">
      {tiles.map((tile) => {
        const url = source?.spriteUrl(tile.window);
        return (
          <span
            key={tile.x}
            className={styles.tile}
            data-testid="filmstrip-tile"
            style={{
              left: tile.x,
              width: tile.width,
              backgroundImage: url ? `url("${url}")` : undefined,
              backgroundSize: `${TILE_WIDTH * THUMBS_PER_WINDOW}px ${TILE_HEIGHT}px`,
              backgroundPosition: `${-tile.index * TILE_WIDTH}px 0`,
            }}
          />
        );
      })}
    </div>
  );
}
