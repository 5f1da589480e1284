import type { Audience } from '../schedule/calendar-jobs.js'

// Meeting types as data: who is told, and the notice period the rules require.

export const MEETING_TYPES = ['业主大会', '业委会例会', '联席会议', '接待日', '其他'] as const
export type MeetingType = typeof MEETING_TYPES[number]

export interface MeetingTypeSpec {
  audiences: Audience[]
  /** minimum calendar days between the notice and the meeting */
  minNoticeDays?: number
  /** the rule behind minNoticeDays, quoted when the bot refuses */
  rule?: string
  /** bodies (compound YAML ids) told of every such meeting, at their WeChat target */
  informBodies?: string[]
}

// 物业管理条例 第十四条 covers every meeting of the owners' assembly, 临时 ones included, and
// requires the residents' committee to be told (issue 10).
export const OWNERS_ASSEMBLY_RULE =
  '《物业管理条例》第十四条规定：召开业主大会会议，应当于会议召开15日以前通知全体业主；住宅小区的业主大会会议，应当同时告知相关的居民委员会。临时业主大会会议同样适用。'

export const MEETING_TYPE_SPECS: Record<MeetingType, MeetingTypeSpec> = {
  业主大会: { audiences: ['owner_groups', 'committee'], minNoticeDays: 15, rule: OWNERS_ASSEMBLY_RULE, informBodies: ['residents'] },
  业委会例会: { audiences: ['committee'] },
  联席会议: { audiences: ['joint'] },
  接待日: { audiences: ['owner_groups'] },
  其他: { audiences: ['owner_groups'] }
}

/** Names people type for each type (Traditional is converted before this). */
export const MEETING_TYPE_ALIASES: Record<string, MeetingType> = {
  业主大会: '业主大会',
  业委会例会: '业委会例会',
  例会: '业委会例会',
  业委会会议: '业委会例会',
  联席会议: '联席会议',
  联席会: '联席会议',
  四位一体联席会议: '联席会议',
  接待日: '接待日',
  业委会接待日: '接待日',
  其他: '其他',
  其它: '其他'
}
