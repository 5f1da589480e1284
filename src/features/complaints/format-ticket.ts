import { DAY_MS, shanghaiClock, shanghaiParts, WEEKDAY_NAMES } from '../../clock/shanghai-time.js'
import { maskPhones } from '../../complaints/mask-phone.js'
import type { Rate, Stats } from '../../complaints/compute-stats.js'
import type { Ticket, TicketEvent } from '../../complaints/ticket.js'
import { stateLabel } from '../../complaints/ticket-states.js'

/** 2026-11-03T02:00:00Z → 11月3日 10:00 (Asia/Shanghai): when something happened. */
export function shortTime (iso: string): string {
  const at = new Date(iso)
  const p = shanghaiParts(at)
  return `${p.month}月${p.day}日 ${shanghaiClock(at)}`
}

/**
 * A deadline, with the weekday so people can place it: 11月23日（周一）19:30. A deadline at
 * midnight is the end of the day before, which is how people read it: 11月27日（周五）24:00,
 * never "11月28日 00:00" (a Saturday nobody is working towards).
 */
export function dueTime (iso: string): string {
  const at = new Date(iso)
  const time = shanghaiClock(at)
  const endOfDay = time === '00:00'
  const day = shanghaiParts(new Date(at.getTime() - (endOfDay ? DAY_MS : 0)))
  return `${day.month}月${day.day}日（周${WEEKDAY_NAMES[day.weekday]!}）${endOfDay ? '24:00' : time}`
}

/** "11月20日（周五）20:00前受理、21:30前办结": the day is not repeated when both fall on it. */
export function dueSpan (ackBy: string, closeBy: string, joiner = '、'): string {
  const ack = dueTime(ackBy)
  const close = dueTime(closeBy)
  const day = ack.slice(0, ack.indexOf('）') + 1)
  return `${ack}前受理${joiner}${close.startsWith(day) ? close.slice(day.length) : close}前办结`
}

export interface Names { body: (id: string) => string, category: (id: string) => string }

/**
 * The deadline a ticket is working towards: acceptance until accepted (unless the close
 * deadline has passed too), then closing. Lists show it and 【逾期】 is judged on it, so the
 * mark always agrees with the time printed next to it.
 */
function currentDeadline (t: Ticket, now: Date): { label: '受理时限' | '办结时限', at: string } {
  const closePassed = now.getTime() >= Date.parse(t.deadlines.closeBy)
  return t.acknowledgedAt === null && !closePassed ? { label: '受理时限', at: t.deadlines.ackBy } : { label: '办结时限', at: t.deadlines.closeBy }
}

export const isOverdue = (t: Ticket, now: Date): boolean => now.getTime() >= Date.parse(currentDeadline(t, now).at)

/** The card a body receives: everything needed to act, nothing about who complained. */
export function ticketCard (t: Ticket, names: Names, heading: string, forRoom: boolean): string {
  const lines = [
    `【${heading} #${t.no}】${names.category(t.category)}${t.urgent ? '｜紧急' : ''}`,
    `位置：${t.location?.text ?? '未说明'}`,
    `内容：${t.text}`,
    `反映业主：${t.complainantCount} 位`,
    `负责：${names.body(t.leadBody)}${t.informedBodies.length > 0 ? `；知会：${t.informedBodies.map(names.body).join('、')}` : ''}`,
    `受理时限：${dueTime(t.deadlines.ackBy)}；办结时限：${dueTime(t.deadlines.closeBy)}`,
    `操作：/受理 ${t.no}｜/回复 ${t.no} 内容｜/办结 ${t.no} 结果｜/转办 ${t.no} 单位 原因｜/退回 ${t.no} 原因`
  ]
  const text = lines.join('\n')
  return forRoom ? maskPhones(text) : text
}

/** One line in lists: number, category, place, state, deadline. */
export function ticketLine (t: Ticket, names: Names, now: Date, showPlace: boolean, showBody = true): string {
  const place = showPlace && t.location ? ` ${t.location.text}` : ''
  const due = currentDeadline(t, now)
  const late = isOverdue(t, now) ? '【逾期】' : ''
  const body = showBody ? `｜${names.body(t.leadBody)}` : ''
  return `${late}#${t.no} ${names.category(t.category)}${place}｜${stateLabel(t.state)}${body}｜${due.label} ${dueTime(due.at)}`
}

const EVENT_NAMES: Record<string, string> = {
  create: '业主反映，登记工单', acknowledge: '受理', reply: '回复', transfer: '转办', close: '办结', return: '退回',
  reopen: '业主不满意，重新打开', join: '又有一位业主反映', rate: '业主评价', remind: '发出提示函', warn: '发出警示函',
  agenda: '列入联席会议议程', locate: '业主补充位置', chase: '业主催办', withdraw: '撤销'
}

// Notes worth showing: what a body wrote, the rating, the place. (A join's note is another owner's text.)
const WITH_NOTE = new Set(['reply', 'transfer', 'close', 'return', 'rate', 'locate', 'chase', 'withdraw'])
// What owners did is never shown with a name, even when the owner also holds a role.
const OWNER_EVENTS = new Set(['create', 'join', 'rate', 'reopen', 'locate', 'chase'])

function historyLine (e: TicketEvent, names: Names, actorName: (id: string) => string, owners: ReadonlySet<string>): string {
  // An owner who withdrew their own complaint is "业主", never named.
  const who = OWNER_EVENTS.has(e.kind) ? '' : owners.has(e.actorId) ? '业主 ' : e.actorId === 'system' ? '系统 ' : `${actorName(e.actorId)} `
  const what = (EVENT_NAMES[e.kind] ?? e.kind) + (e.kind === 'transfer' && e.body ? `至${names.body(e.body)}` : '')
  const note = e.note && WITH_NOTE.has(e.kind) ? `：${e.note}` : ''
  return `· ${shortTime(e.at)} ${who}${what}${note}`
}

/** Details and history for someone allowed to see the ticket (in private). */
export function ticketDetails (t: Ticket, names: Names, actorName: (id: string) => string): string {
  const head = [
    `工单 #${t.no}｜${names.category(t.category)}${t.urgent ? '｜紧急' : ''}｜${stateLabel(t.state)}`,
    `位置：${t.location?.text ?? '未说明'}`,
    `内容：${t.text}`,
    `负责：${names.body(t.leadBody)}；反映业主 ${t.complainantCount} 位`,
    `受理时限 ${dueTime(t.deadlines.ackBy)}；办结时限 ${dueTime(t.deadlines.closeBy)}`,
    ...(t.rating ? [`评价：${t.rating}`] : []),
    '记录：'
  ]
  const owners = new Set(t.history.filter(e => e.kind === 'create' || e.kind === 'join').map(e => e.actorId))
  return [...head, ...t.history.map(e => historyLine(e, names, actorName, owners))].join('\n')
}

const rateLine = (label: string, r: Rate): string => `${label} ${r.text}`

export function statsText (stats: Stats, names: Names): string {
  const block = (title: string, s: Stats['total']): string => [
    `${title}：工单 ${s.tickets} 件`,
    `  按时受理 ${s.acknowledgedOnTime.text}；按时办结 ${s.closedOnTime.text}`,
    `  ${rateLine('调处率', s.resolution)}；${rateLine('处置有效率', s.effectiveness)}；${rateLine('满意率', s.satisfaction)}` +
      (s.unrated > 0 ? `（另有 ${s.unrated} 件未评价）` : '')
  ].join('\n')
  const apart = [
    ...(stats.withdrawn > 0 ? [`另有撤销 ${stats.withdrawn} 件（不实或误登记），不计入以上比率`] : []),
    `转办改派 ${stats.rerouted} 件（首次分派有误、由负责单位转给其他单位的工单）`
  ]
  if (stats.total.tickets === 0 && stats.withdrawn === 0) return `${stats.period.label}没有登记的工单。`
  return [
    `${stats.period.label}工单统计（调处率=已办结/已受理，处置有效率=办结后未被重新打开/办结过，满意率=满意与基本满意/已评价）`,
    ...stats.bodies.map(b => block(names.body(b.body), b)),
    block('合计', stats.total),
    ...apart
  ].join('\n')
}
