/**
 * At most `limit` counted events per key (an address) in each window. Joins count only their failures: a whole
 * school behind one address joins freely, while guessing join codes is held to a crawl. Per process, which is
 * enough to make guessing slow.
 */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** False once `key` has used up its window. */
  allows(key: string, now: number): boolean {
    const current = this.windows.get(key);
    return !current || now - current.start >= this.windowMs || current.count < this.limit;
  }

  count(key: string, now: number): void {
    const current = this.windows.get(key);
    if (current && now - current.start < this.windowMs) {
      current.count += 1;
      return;
    }
    if (this.windows.size > 10_000) this.prune(now);
    this.windows.set(key, { start: now, count: 1 });
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
