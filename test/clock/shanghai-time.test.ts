import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../src/clock/clock.js'
import { formatShanghai, parseShanghai, shanghaiParts } from '../../src/clock/shanghai-time.js'

describe('Shanghai wall time', () => {
  it('parses and formats Beijing time, whatever the machine time zone', () => {
    const at = parseShanghai('2027-01-05 09:00')!
    expect(at.toISOString()).toBe('2027-01-05T01:00:00.000Z')
    expect(formatShanghai(at)).toBe('2027-01-05 09:00')
    expect(shanghaiParts(at).weekday).toBe(2)
    expect(parseShanghai('2026-12-31T23:59')!.toISOString()).toBe('2026-12-31T15:59:00.000Z')
  })

  it('rejects impossible dates and times instead of rolling them over', () => {
    for (const bad of ['2026-02-30 10:00', '2026-13-01', '2026-11-22 24:00', '2026-11-22 10:60', 'tomorrow']) {
      expect(parseShanghai(bad)).toBeUndefined()
    }
  })

  it('the manual clock only moves forward and says where it is', () => {
    const clock = new ManualClock(parseShanghai('2026-11-22 10:00')!)
    clock.advance(3600_000)
    expect(formatShanghai(clock.now())).toBe('2026-11-22 11:00')
    expect(() => clock.set(parseShanghai('2026-11-22 09:00')!)).toThrow('时钟只能向前拨：当前 2026-11-22 11:00')
  })
})
