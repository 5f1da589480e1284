import { describe, expect, it } from 'vitest'
import { computeDeadlines } from '../../src/complaints/compute-deadlines.js'
import { deadlinesSchema, parseDuration } from '../../src/complaints/deadline-schema.js'
import { addWorkingDays, isWorkingDay, workdayCalendar } from '../../src/complaints/working-days.js'
import { libraryKnowsYear, statutoryHolidays } from '../../src/complaints/statutory-holidays.js'
import { dueSpan, dueTime } from '../../src/features/complaints/format-ticket.js'
import { deadlines, sh } from './make-ticket.js'

describe('working days on the Chinese calendar', () => {
  it('skips the National Day holiday and counts the make-up Saturday', () => {
    expect(isWorkingDay(sh('2026-10-01 10:00'))).toBe(false)
    expect(isWorkingDay(sh('2026-10-10 10:00'))).toBe(true) // 调休上班
    expect(addWorkingDays(sh('2026-09-30 10:00'), 1)).toEqual(sh('2026-10-08 10:00'))
    expect(addWorkingDays(sh('2026-09-30 10:00'), 5)).toEqual(sh('2026-10-13 10:00'))
  })

  it('counts a weekend complaint from the start of the next working day', () => {
    expect(addWorkingDays(sh('2026-11-07 15:00'), 1)).toEqual(sh('2026-11-10 00:00'))
  })

  it('ends whole working days at the end of the last one, not after the next weekend', () => {
    // Sunday + 5 working days: Monday to Friday, due Friday 24:00 (it was Monday 00:00)
    expect(addWorkingDays(sh('2026-11-22 10:00'), 5)).toEqual(sh('2026-11-28 00:00'))
    // filed at midnight on the Thursday before 中秋节 (Friday 25 Sep 2026): due Thursday 24:00
    expect(addWorkingDays(sh('2026-09-24 00:00'), 1)).toEqual(sh('2026-09-25 00:00'))
    expect(addWorkingDays(sh('2026-09-30 00:00'), 1)).toEqual(sh('2026-10-01 00:00'))
  })

  it('gives a Friday-evening complaint until the same time on Monday', () => {
    expect(addWorkingDays(sh('2026-11-20 19:30'), 1)).toEqual(sh('2026-11-23 19:30'))
    expect(addWorkingDays(sh('2026-11-20 19:30'), 5)).toEqual(sh('2026-11-27 19:30'))
  })

  it('uses the Shanghai day, not the UTC day, near midnight', () => {
    // 2026-11-09 00:30 in Shanghai is still Sunday in UTC
    expect(addWorkingDays(sh('2026-11-09 00:30'), 1)).toEqual(sh('2026-11-10 00:30'))
  })
})

describe('years the holiday library does not know yet', () => {
  it('keeps the statutory days off, with weekend days given back (2027: 元旦, 春节 from 除夕)', () => {
    const days = statutoryHolidays(2027)
    expect(days.has('2027-01-01')).toBe(true)
    // 除夕 Fri 5 Feb, 初一 to 初三 Sat 6 to Mon 8; Saturday and Sunday given back on 9 and 10 Feb
    for (const d of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']) expect(days.has(d), d).toBe(true)
    expect(days.has('2027-02-11')).toBe(false)
    expect(days.has('2027-05-03')).toBe(true) // 劳动节 1-2 May fall on a weekend
  })

  it('does not count New Year\'s Day 2027 as a working day', () => {
    expect(isWorkingDay(sh('2027-01-01 10:00'))).toBe(false)
    expect(addWorkingDays(sh('2026-12-31 10:00'), 1)).toEqual(sh('2027-01-04 10:00'))
  })

  // Until chinese-days carries the official 2027 schedule; then the library decides.
  it.skipIf(libraryKnowsYear(2027))('counts a complaint before the 2027 Spring Festival past the statutory days', () => {
    expect(isWorkingDay(sh('2027-02-09 10:00'))).toBe(false)
    expect(addWorkingDays(sh('2027-02-04 10:00'), 1)).toEqual(sh('2027-02-11 10:00'))
    expect(computeDeadlines(sh('2027-02-04 10:00'), false, deadlines).closeBy).toBe(sh('2027-02-17 10:00').toISOString())
  })

  it('takes the official schedule from the compound YAML over the fallback', () => {
    const official = deadlinesSchema.parse({ holidays: ['2027-02-05..2027-02-13'], workdays: ['2027-02-14', '2027-02-20'] })
    const calendar = workdayCalendar({ holidays: ['2027-02-12'], workdays: ['2027-02-14'] })
    expect(calendar.isWorkingDay(sh('2027-02-12 10:00'))).toBe(false)
    expect(calendar.isWorkingDay(sh('2027-02-14 10:00'))).toBe(true) // a make-up Sunday
    // Thursday 4 Feb + 1 working day: the holiday runs to Saturday 13th, Sunday 14th is worked
    expect(computeDeadlines(sh('2027-02-04 10:00'), false, official).ackBy).toBe(sh('2027-02-14 10:00').toISOString())
    expect(deadlinesSchema.safeParse({ holidays: ['春节'] }).error?.issues[0]?.path).toEqual(['holidays', 0])
  })
})

describe('dueTime', () => {
  it('shows the weekday, and a midnight deadline as 24:00 of the day before', () => {
    expect(dueTime(sh('2026-11-23 19:30').toISOString())).toBe('11月23日（周一）19:30')
    expect(dueTime(sh('2026-11-28 00:00').toISOString())).toBe('11月27日（周五）24:00')
    expect(dueTime(sh('2027-01-01 00:00').toISOString())).toBe('12月31日（周四）24:00')
  })

  it('does not repeat the day when both deadlines fall on it', () => {
    const at = (t: string): string => sh(t).toISOString()
    expect(dueSpan(at('2026-11-20 20:00'), at('2026-11-20 21:30'))).toBe('11月20日（周五）20:00前受理、21:30前办结')
    expect(dueSpan(at('2026-11-24 00:00'), at('2026-11-28 00:00'))).toBe('11月23日（周一）24:00前受理、11月27日（周五）24:00前办结')
  })
})

describe('computeDeadlines', () => {
  it('gives urgent tickets 30 minutes to acknowledge and 2 hours to handle, warnings at twice that', () => {
    expect(computeDeadlines(sh('2026-10-03 22:00'), true, deadlines)).toEqual({
      ackBy: sh('2026-10-03 22:30').toISOString(),
      ackWarnAt: sh('2026-10-03 23:00').toISOString(),
      closeBy: sh('2026-10-04 00:00').toISOString(),
      closeWarnAt: sh('2026-10-04 02:00').toISOString()
    })
  })

  it('gives other tickets 1 and 5 working days, warnings at 2 and 10', () => {
    expect(computeDeadlines(sh('2026-09-30 10:00'), false, deadlines)).toEqual({
      ackBy: sh('2026-10-08 10:00').toISOString(),
      ackWarnAt: sh('2026-10-09 10:00').toISOString(),
      closeBy: sh('2026-10-13 10:00').toISOString(),
      closeWarnAt: sh('2026-10-20 10:00').toISOString()
    })
  })

  it('takes overrides from the compound YAML, in English or Chinese units', () => {
    const custom = deadlinesSchema.parse({ urgent: { acknowledge: '10分钟' }, normal: { close: '3个工作日' }, warn_factor: 3 })
    expect(custom.urgent.close).toBe('2h')
    const d = computeDeadlines(sh('2026-11-02 10:00'), true, custom)
    expect(d.ackBy).toBe(sh('2026-11-02 10:10').toISOString())
    expect(d.ackWarnAt).toBe(sh('2026-11-02 10:30').toISOString())
    expect(computeDeadlines(sh('2026-11-02 10:00'), false, custom).closeBy).toBe(sh('2026-11-05 10:00').toISOString())
  })

  it('rejects a duration it cannot read, naming the field', () => {
    const result = deadlinesSchema.safeParse({ normal: { close: 'five days' } })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['normal', 'close'])
    expect(() => parseDuration('soon')).toThrow(/soon/)
  })
})
