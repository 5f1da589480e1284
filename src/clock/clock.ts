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

const SHANGHAI_OFFSET_MS = 8 * 3600_000 // China has no daylight saving time

/** Parse `YYYY-MM-DD HH:mm` (or `YYYY-MM-DDTHH:mm`) as Asia/Shanghai wall time. */
export function parseShanghai (text: string): Date | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0'] = m
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - SHANGHAI_OFFSET_MS
  const date = new Date(utc)
  // Reject 2026-02-30 and friends instead of silently rolling over.
  return formatShanghai(date).startsWith(`${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`) ? date : undefined
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function formatShanghai (date: Date): string {
  const s = new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString()
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`
}
