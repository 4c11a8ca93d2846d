/** The modifier a teacher presses for shortcuts on this computer, as their keyboard labels it. */
export const MOD_KEY = /Macintosh|Mac OS X|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';
