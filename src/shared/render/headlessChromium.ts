/**
 * V8's flags for the studio's renderers, in Electron (src/main/index.ts) and in every headless Chromium we start. V8
 * enlarges a heap's young generation step by step as objects survive its collections, up to 16 MiB a semi-space on a
 * desktop; in a long render's Worker (whose muxer keeps a record per packet) that grew from 8 to 42 MiB over a
 * 20-minute render, half of all the growth from its first half to its second. Capped at 8 MiB, the same render's
 * memory grew 1.5 % instead of 4.3 %, and it took no longer (see ARCHITECTURE.md, render memory).
 */
export const STUDIO_JS_FLAGS = '--max-semi-space-size=8';

/**
 * The flags a headless Chromium runs the studio's pages with (`flipside render`, and the tests and benches). No GPU
 * (headless rendering needs none and some drivers crash there), nothing phoning home, and no machine rating
 * for Chrome's on-device AI model: without a class given, Chromium starts a service about three minutes in to
 * benchmark the machine, which costs a long render CPU and ~45 MiB it has no use for. 7 is "GPU blocked", which is
 * what --disable-gpu makes true (Chromium reads the number, so the name would not do).
 */
export const HEADLESS_CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--optimization-guide-performance-class=7',
  `--js-flags=${STUDIO_JS_FLAGS}`,
];
