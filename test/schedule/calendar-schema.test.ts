import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { calendarSchema, defaultCalendar } from '../../src/schedule/calendar-schema.js'
import { JOB_IDS } from '../../src/schedule/calendar-jobs.js'

describe('calendarSchema', () => {
  it('gives the seeds calendar by default', () => {
    const calendar = defaultCalendar()
    expect(calendar.fund_statement).toEqual({ enabled: true, cron: '0 9 5 1,7 *', grace_hours: 168 })
    expect(calendar.work_report_reminder.cron).toBe('0 9 1 1,4,7,10 *')
    expect(calendar.opinion_survey).toMatchObject({ cron: '0 9 1 6,12 *', open_days: 14 })
    expect(calendar.reception_day_notice.event).toEqual({ after_days: 5, time: '09:00-11:30', place: '业委会办公室' })
    for (const job of JOB_IDS) expect(calendar[job].grace_hours).toBe(job === 'fund_statement' ? 168 : 24)
  })

  it('lets the compound YAML override any time and keeps the other defaults', () => {
    const yaml = `
fund_statement:
  cron: "30 8 6 1,7 *"
reception_day_notice:
  event: { place: 小区会所 }
opinion_survey:
  enabled: false
`
    const calendar = calendarSchema.parse(parseYaml(yaml))
    expect(calendar.fund_statement).toEqual({ enabled: true, cron: '30 8 6 1,7 *', grace_hours: 168 })
    expect(calendar.reception_day_notice.event).toEqual({ after_days: 5, time: '09:00-11:30', place: '小区会所' })
    expect(calendar.opinion_survey.enabled).toBe(false)
    expect(calendar.joint_meeting_notice.cron).toBe('0 9 20 * *')
  })

  it('refuses a bad cron, a bad time and a misspelt key with the path', () => {
    const result = calendarSchema.safeParse({
      fund_statement: { cron: '0 9 32 1 *' },
      joint_meeting_notice: { event: { time: '25:00' } },
      fund_statment: {}
    })
    expect(result.success).toBe(false)
    const paths = result.error?.issues.map(i => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['fund_statement.cron', 'joint_meeting_notice.event.time', '']))
    expect(result.error?.issues.find(i => i.path.join('.') === 'fund_statement.cron')?.message).toContain('cron')
  })
})
