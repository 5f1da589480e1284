import { formatShanghai } from './shanghai-time.js'

/**
 * The one source of time. Every read of "now" and every schedule goes through a Clock so
 * the sandbox (`:clock`) and tests can move time; nothing else calls `Date.now()`.
 */
export interface Clock {
  now (): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until told to move; it never moves backwards. */
export class ManualClock implements Clock {
  private current: number

  constructor (start: Date) {
    this.current = start.getTime()
  }

  now (): Date {
    return new Date(this.current)
  }

  set (to: Date): void {
    if (to.getTime() < this.current) throw new Error(`时钟只能向前拨：当前 ${formatShanghai(this.now())}`)
    this.current = to.getTime()
  }

  advance (ms: number): void {
    this.set(new Date(this.current + ms))
  }
}
