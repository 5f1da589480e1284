export interface ThrottleOptions { spacingMs: number, jitterMs: number, perMinute: number }

const WINDOW_MS = 60_000
// WeChat counts sends as they reach its servers, a little shifted from when we sent them: a
// second of margin keeps the cap in every sliding minute as any observer measures it.
const MARGIN_MS = 1_000

/**
 * Spacing between sends and a per-minute cap that holds in every sliding minute. This is about
 * real seconds (WeChat's anti-spam), not the compound's calendar, so it uses the monotonic
 * timer rather than the bot's clock, which the sandbox moves by months at a time.
 */
export class Throttle {
  private last = -Infinity
  private gap = 0
  private readonly recent: number[] = []

  constructor (private readonly options: ThrottleOptions, private readonly now = () => performance.now(),
    private readonly sleep = async (ms: number) => await new Promise<void>(resolve => setTimeout(resolve, ms))) {}

  /** Resolves once a send is allowed. Call `sent()` when one actually goes out. */
  async ready (): Promise<void> {
    // Checked again after each sleep: a timer may fire a little early, and `sent()` is what counts.
    for (let delay = this.delay(); delay > 0; delay = this.delay()) await this.sleep(delay)
  }

  sent (): void {
    const { spacingMs, jitterMs, perMinute } = this.options
    this.last = this.now()
    this.gap = spacingMs + (spacingMs > 0 ? Math.random() * jitterMs : 0)
    if (perMinute <= 0) return
    this.recent.push(this.last)
    if (this.recent.length > perMinute) this.recent.shift()
  }

  private delay (): number {
    const { perMinute } = this.options
    const now = this.now()
    let delay = this.last + this.gap - now
    // The send perMinute places back must have left the window before another goes.
    if (perMinute > 0 && this.recent.length >= perMinute) delay = Math.max(delay, this.recent[0]! + WINDOW_MS + MARGIN_MS - now)
    return delay
  }
}
