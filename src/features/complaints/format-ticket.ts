import { formatShanghai } from '../../clock/clock.js'
import { maskPhones } from '../../complaints/mask-phone.js'
import type { Rate, Stats } from '../../complaints/compute-stats.js'
import type { Ticket } from '../../complaints/ticket.js'
import { stateLabel } from '../../complaints/ticket-states.js'

/** 2026-11-03T02:00:00Z → 11月3日 10:00 (Asia/Shanghai). */
export function shortTime (iso: string): string {
  const [date = '', time = ''] = formatShanghai(new Date(iso)).split(' ')
  const [, m, d] = date.split('-')
  return `${Number(m)}月${Number(d)}日 ${time}`
}

export interface Names { body: (id: string) => string, category: (id: string) => string }

export const isOverdue = (t: Ticket, now: Date): boolean =>
  (t.acknowledgedAt === null && now.getTime() >= Date.parse(t.deadlines.ackBy)) || now.getTime() >= Date.parse(t.deadlines.closeBy)

/** The card a body receives: everything needed to act, nothing about who complained. */
export function ticketCard (t: Ticket, names: Names, heading: string, forRoom: boolean): string {
  const lines = [
    `【${heading} #${t.no}】${names.category(t.category)}${t.urgent ? '｜紧急' : ''}`,
    `位置：${t.location?.text ?? '未说明'}`,
    `内容：${t.text}`,
    `反映业主：${t.complainantCount} 位`,
    `负责：${names.body(t.leadBody)}${t.informedBodies.length > 0 ? `；知会：${t.informedBodies.map(names.body).join('、')}` : ''}`,
    `受理时限：${shortTime(t.deadlines.ackBy)}；办结时限：${shortTime(t.deadlines.closeBy)}`,
    `操作：/受理 ${t.no}｜/回复 ${t.no} 内容｜/办结 ${t.no} 结果｜/转办 ${t.no} 单位 原因｜/退回 ${t.no} 原因`
  ]
  const text = lines.join('\n')
  return forRoom ? maskPhones(text) : text
}

/** One line in lists: number, category, place, state, deadline. */
export function ticketLine (t: Ticket, names: Names, now: Date, showPlace: boolean): string {
  const place = showPlace && t.location ? ` ${t.location.text}` : ''
  const late = isOverdue(t, now) ? '【逾期】' : ''
  return `${late}#${t.no} ${names.category(t.category)}${place}｜${stateLabel(t.state)}｜${names.body(t.leadBody)}｜办结时限 ${shortTime(t.deadlines.closeBy)}`
}

const EVENT_NAMES: Record<string, string> = {
  create: '登记', acknowledge: '受理', reply: '回复', transfer: '转办', close: '办结', return: '退回',
  reopen: '重新打开', join: '又有业主反映', rate: '评价', remind: '发出提示函', warn: '发出警示函', agenda: '列入联席会议议程'
}

// Notes worth showing: what a body wrote, and the rating. (A join's note is another owner's text.)
const WITH_NOTE = new Set(['reply', 'transfer', 'close', 'return', 'rate'])

/** Details and history for someone allowed to see the ticket (in private). */
export function ticketDetails (t: Ticket, names: Names, actorName: (id: string) => string): string {
  const head = [
    `工单 #${t.no}｜${names.category(t.category)}${t.urgent ? '｜紧急' : ''}｜${stateLabel(t.state)}`,
    `位置：${t.location?.text ?? '未说明'}`,
    `内容：${t.text}`,
    `负责：${names.body(t.leadBody)}；反映业主 ${t.complainantCount} 位`,
    `受理时限 ${shortTime(t.deadlines.ackBy)}；办结时限 ${shortTime(t.deadlines.closeBy)}`,
    ...(t.rating ? [`评价：${t.rating}`] : []),
    '记录：'
  ]
  const history = t.history.map(e => {
    const who = e.actorId === 'system' ? '系统' : actorName(e.actorId)
    const what = EVENT_NAMES[e.kind] ?? e.kind
    const extra = [e.body && e.kind === 'transfer' ? `至 ${names.body(e.body)}` : '', e.note && WITH_NOTE.has(e.kind) ? e.note : ''].filter(Boolean).join(' ')
    return `· ${shortTime(e.at)} ${who} ${what}${extra ? `：${extra}` : ''}`
  })
  return [...head, ...history].join('\n')
}

const rateLine = (label: string, r: Rate): string => `${label} ${r.text}`

export function statsText (stats: Stats, names: Names): string {
  const block = (title: string, s: Stats['total']): string => [
    `${title}：工单 ${s.tickets} 件`,
    `  按时受理 ${s.acknowledgedOnTime.text}；按时办结 ${s.closedOnTime.text}`,
    `  ${rateLine('调处率', s.resolution)}；${rateLine('处置有效率', s.effectiveness)}；${rateLine('满意率', s.satisfaction)}`
  ].join('\n')
  if (stats.total.tickets === 0) return `${stats.period.label}没有登记的工单。`
  return [
    `${stats.period.label}工单统计（调处率=办结/受理，处置有效率=办结且未重新打开/办结，满意率=满意与基本满意/已评价）`,
    ...stats.bodies.map(b => block(names.body(b.body), b)),
    block('合计', stats.total)
  ].join('\n')
}
