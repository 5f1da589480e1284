import { describe, expect, it } from 'vitest'
import { occurrencesBetween } from '../../src/schedule/occurrences-between.js'
import { calendarSchema, defaultCalendar } from '../../src/schedule/calendar-schema.js'

const sh = (text: string): Date => new Date(`${text}+08:00`)

describe('occurrencesBetween', () => {
  it('lists a year of the default calendar', () => {
    const all = occurrencesBetween(defaultCalendar(), sh('2027-01-01T00:00:00'), sh('2028-01-01T00:00:00'))
    const count = (job: string): number => all.filter(o => o.job === job).length
    expect(count('fund_statement')).toBe(2)
    expect(count('work_report_reminder')).toBe(4)
    expect(count('reception_day_notice')).toBe(12)
    expect(count('joint_meeting_notice')).toBe(12)
    expect(count('committee_meeting_reminder')).toBe(12)
    expect(count('opinion_survey')).toBe(2)
    expect(all.map(o => o.at.getTime())).toEqual([...all].map(o => o.at.getTime()).sort((a, b) => a - b))
  })

  it('gives job and Shanghai time for the January statement', () => {
    expect(occurrencesBetween(defaultCalendar(), sh('2027-01-05T00:00:00'), sh('2027-01-06T00:00:00'))).toEqual([
      { job: 'fund_statement', at: new Date('2027-01-05T01:00:00.000Z') }
    ])
  })

  it('leaves out disabled jobs and empty ranges', () => {
    const calendar = calendarSchema.parse({ fund_statement: { enabled: false } })
    expect(occurrencesBetween(calendar, sh('2027-01-05T00:00:00'), sh('2027-01-06T00:00:00'))).toEqual([])
    expect(occurrencesBetween(defaultCalendar(), sh('2027-01-06T00:00:00'), sh('2027-01-05T00:00:00'))).toEqual([])
  })
})
