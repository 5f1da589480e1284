/** Median and p99 of a list of durations in milliseconds, rounded to microseconds. */
export function summarize (ms: number[]): { median: number, p99: number, n: number } {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  const round = (x: number) => Math.round(x * 1000) / 1000
  return { median: round(at(0.5)), p99: round(at(0.99)), n: sorted.length }
}

export async function time (fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}
