export interface ThrottleOptions { spacingMs: number, jitterMs: number, perMinute: number }

/**
 * Spacing between sends and a per-minute cap. This is about real seconds (WeChat's
 * anti-spam), not the compound's calendar, so it uses the monotonic timer rather than
 * the bot's clock, which the sandbox moves by months at a time.
 */
export class Throttle {
  private last = -Infinity
  private readonly recent: number[] = []

  constructor (private readonly options: ThrottleOptions, private readonly now = () => performance.now(),
    private readonly sleep = async (ms: number) => await new Promise<void>(resolve => setTimeout(resolve, ms))) {}

  async wait (): Promise<void> {
    const { spacingMs, jitterMs, perMinute } = this.options
    const gap = spacingMs + (spacingMs > 0 ? Math.random() * jitterMs : 0)
    let delay = Math.max(0, this.last + gap - this.now())
    while (perMinute > 0 && this.recent.length > 0 && this.recent[0]! <= this.now() - 60_000) this.recent.shift()
    if (perMinute > 0 && this.recent.length >= perMinute) delay = Math.max(delay, this.recent[0]! + 60_000 - this.now())
    if (delay > 0) await this.sleep(delay)
    this.last = this.now()
    this.recent.push(this.last)
  }
}
