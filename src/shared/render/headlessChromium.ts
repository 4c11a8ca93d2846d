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
];
