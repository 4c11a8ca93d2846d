/** The chapter playing at `lessonMs`: the last one starting at or before it, or -1 before the first. */
export function chapterAt(chapters: readonly { lessonMs: number }[], lessonMs: number): number {
  let found = -1;
  chapters.forEach((chapter, index) => {
    if (chapter.lessonMs <= lessonMs) found = index;
  });
  return found;
}
