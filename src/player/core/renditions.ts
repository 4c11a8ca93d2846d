import type { Rendition } from '@shared/player';

export interface RenditionContext {
  /** CSS pixels the player is wide, times the device pixel ratio. */
  readonly targetWidth: number;
  /** `HTMLMediaElement.canPlayType(type) !== ''`. */
  readonly canPlay: (type: string) => boolean;
}

export function isAudioOnly(rendition: Pick<Rendition, 'type'>): boolean {
  return rendition.type.startsWith('audio/');
}

/**
 * The default rendition: the smallest playable video at least as wide as the player shows it (sharp without
 * wasting a learner's data), else the widest one; audio only when no video can play, since the learner chose a video
 * lesson. Returns -1 when nothing can play.
 */
export function chooseRendition(renditions: readonly Rendition[], context: RenditionContext): number {
  const playable = renditions
    .map((rendition, index) => ({ rendition, index }))
    .filter(({ rendition }) => context.canPlay(rendition.type));
  const videos = playable.filter(({ rendition }) => !isAudioOnly(rendition));
  if (videos.length === 0) return playable[0]?.index ?? -1;
  const width = (rendition: Rendition) => rendition.width ?? 1280;
  const bySize = [...videos].sort((a, b) => width(a.rendition) - width(b.rendition));
  const sharp = bySize.find(({ rendition }) => width(rendition) >= context.targetWidth);
  return (sharp ?? bySize[bySize.length - 1])?.index ?? -1;
}
