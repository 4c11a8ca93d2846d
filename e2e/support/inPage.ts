// What code run inside the page (page.evaluate) uses of the browser; the e2e project has Node's types, not the DOM's.

export interface InPageVideo {
  currentTime: number;
  addEventListener(type: string, listener: () => void): void;
}

export interface InPageGlobals {
  samples: number[];
  frames: number[];
  location: { hash: string };
  requestAnimationFrame(callback: (now: number) => void): number;
  performance: {
    now(): number;
    mark(name: string): void;
    clearMarks(): void;
    measure(name: string, start: string, end: string): { duration: number };
    getEntriesByName(name: string): { startTime: number }[];
  };
}
