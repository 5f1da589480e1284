import { describe, expect, it } from 'vitest'
import { computeDeadlines } from '../../src/complaints/compute-deadlines.js'
import { deadlinesSchema, parseDuration } from '../../src/complaints/deadline-schema.js'
import { addWorkingDays, isWorkingDay } from '../../src/complaints/working-days.js'
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

  it('uses the Shanghai day, not the UTC day, near midnight', () => {
    // 2026-11-09 00:30 in Shanghai is still Sunday in UTC
    expect(addWorkingDays(sh('2026-11-09 00:30'), 1)).toEqual(sh('2026-11-10 00:30'))
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
