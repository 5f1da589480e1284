import { afterEach, describe, expect, it, vi } from 'vitest'
import { Throttle } from '../../src/outbox/throttle.js'
import { memoryOutbox, recordingTransport } from './outbox-helpers.js'

afterEach(() => { vi.useRealTimers() })

/** The most sends found in any 60-second window (both ends included). */
function busiestMinute (times: number[]): number {
  let most = 0
  for (const [i, start] of times.entries()) most = Math.max(most, times.slice(i).filter(t => t <= start + 60_000).length)
  return most
}

describe('Throttle', () => {
  it('keeps the minimum spacing', async () => {
    let now = 0
    const waits: number[] = []
    const t = new Throttle({ spacingMs: 1500, jitterMs: 0, perMinute: 0 }, () => now, async ms => { waits.push(ms); now += ms })
    for (let i = 0; i < 3; i++) { await t.ready(); t.sent() }
    expect(waits).toEqual([1500, 1500])
  })

  it('holds the per-minute cap in every sliding minute, through the real outbox', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] })
    const times: number[] = []
    const transport = recordingTransport()
    transport.fail.push(() => { times.push(performance.now()) })
    const { outbox } = memoryOutbox(transport, { throttle: { spacingMs: 100, jitterMs: 0, perMinute: 20 } })
    for (let i = 0; i < 75; i++) await outbox.toRoom({ roomId: 'r', text: `m${i}` })
    outbox.resume()
    const drained = outbox.drain()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    await drained
    expect(times).toHaveLength(75)
    expect(busiestMinute(times)).toBe(20)
  })

  it('checks for a pause after the spacing wait, so a logout during it costs nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] })
    const transport = recordingTransport()
    const { outbox } = memoryOutbox(transport, { throttle: { spacingMs: 5000, jitterMs: 0, perMinute: 0 } })
    outbox.resume()
    await outbox.toRoom({ roomId: 'r', text: 'A' })
    await outbox.toRoom({ roomId: 'r', text: 'B' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(transport.sent).toEqual(['r||A'])
    outbox.pause() // during the wait before B
    await vi.advanceTimersByTimeAsync(10_000)
    await outbox.drain()
    expect(transport.sent).toEqual(['r||A'])
    expect(outbox.pending).toBe(1)
    outbox.resume()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(transport.sent).toEqual(['r||A', 'r||B'])
  })
})
