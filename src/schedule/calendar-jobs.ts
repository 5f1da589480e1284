// The calendar the seeds prescribe (domain.md, "The calendar the seeds prescribe"), as data.
// The cron expressions are defaults; every one can be overridden under `calendar:` in the
// compound YAML. A cron here is when the bot posts, in Asia/Shanghai.

export const JOB_IDS = [
  'fund_statement',
  'work_report_reminder',
  'reception_day_notice',
  'joint_meeting_notice',
  'committee_meeting_reminder',
  'opinion_survey'
] as const
export type JobId = typeof JOB_IDS[number]

/** Who receives a job's message: every owner group, the committee, or the four-in-one work group. */
export type Audience = 'owner_groups' | 'committee' | 'joint'

export interface JobSpec {
  label: string
  audience: Audience
  cron: string
  graceHours: number
  /** where the duty comes from, quoted to people who ask why the bot posts this */
  source: string
}

export const JOB_SPECS: Record<JobId, JobSpec> = {
  fund_statement: {
    label: '维修资金和公共收益收支公示',
    audience: 'owner_groups',
    cron: '0 9 5 1,7 *',
    // a statement a few days late is still worth posting
    graceHours: 7 * 24,
    source: '虹口区房管局《关于加强基层党组织对业委会引领作用的思考和建议》：每年一月和七月定期公布维修资金和公共收益、收支等使用情况'
  },
  work_report_reminder: {
    label: '季度书面工作报告提醒',
    audience: 'committee',
    cron: '0 9 1 1,4,7,10 *',
    graceHours: 24,
    source: '虹口区房管局《关于加强基层党组织对业委会引领作用的思考和建议》：每三个月以书面形式定期向业主报告业委会工作开展情况'
  },
  reception_day_notice: {
    label: '业委会接待日通知',
    audience: 'owner_groups',
    cron: '0 9 10 * *',
    graceHours: 24,
    source: '虹口区房管局《关于加强基层党组织对业委会引领作用的思考和建议》：每月设一个接待日，由业委会成员听取业主意见建议，并做好相关记录'
  },
  joint_meeting_notice: {
    label: '四位一体联席会议通知',
    audience: 'joint',
    cron: '0 9 20 * *',
    graceHours: 24,
    source: '《社区管理模式工作意见》（四位一体）：联席会议每月召开一次，也可根据工作需要随时召开，由居民区党组织书记或其指定的负责人主持'
  },
  committee_meeting_reminder: {
    label: '业委会月度例会提醒',
    audience: 'committee',
    cron: '0 9 3 * *',
    graceHours: 24,
    source: '虹口区房管局《关于加强基层党组织对业委会引领作用的思考和建议》：建立健全业委会例会制度，每月召开一次工作例会'
  },
  opinion_survey: {
    label: '物业服务意见征询',
    audience: 'owner_groups',
    cron: '0 9 1 6,12 *',
    graceHours: 24,
    source: '虹口区房管局《关于加强基层党组织对业委会引领作用的思考和建议》：每半年组织一次意见征询，听取业主对物业管理服务的意见和建议'
  }
}

/** Defaults of the meeting a notice announces: `after_days` after the notice, at `time`, in `place`. */
export const EVENT_DEFAULTS = {
  reception_day_notice: { after_days: 5, time: '09:00-11:30', place: '业委会办公室' },
  joint_meeting_notice: { after_days: 5, time: '14:30', place: '社区党群服务站' },
  committee_meeting_reminder: { after_days: 2, time: '19:30', place: '业委会办公室' }
} as const
