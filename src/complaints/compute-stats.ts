import type { StatsPeriod } from './parse-period.js'
import type { Ticket } from './ticket.js'
import { stateType } from './ticket-states.js'

/** A rate with the counts behind it; 0 denominators give "—", never NaN. */
export interface Rate {
  numerator: number
  denominator: number
  value: number | null
  text: string
}

export interface BodyStats {
  body: string
  tickets: number
  /** acknowledged within the deadline / acknowledged or past the deadline */
  acknowledgedOnTime: Rate
  /** closed within the deadline / closed or past the deadline */
  closedOnTime: Rate
  /** 调处率: closed / accepted */
  resolution: Rate
  /** 处置有效率: closed and never reopened / ever closed (a reopened ticket was not settled for good) */
  effectiveness: Rate
  /** 满意率: (满意 + 基本满意) / rated */
  satisfaction: Rate
  /** closed tickets whose owners gave no rating in time (未评价): not in 满意率, shown beside it */
  unrated: number
}

export interface Stats {
  period: StatsPeriod
  bodies: BodyStats[]
  total: BodyStats
  /** tickets withdrawn (/撤销) as false or mistaken: counted apart, in no rate */
  withdrawn: number
  /** tickets a body sent on to another (/转办): how often the first routing was wrong */
  rerouted: number
}

export function rate (numerator: number, denominator: number): Rate {
  if (denominator === 0) return { numerator, denominator, value: null, text: '—' }
  const value = numerator / denominator
  return { numerator, denominator, value, text: `${Math.round(value * 1000) / 10}%（${numerator}/${denominator}）` }
}

const ACCEPTING = new Set(['acknowledge', 'reply', 'close'])
const at = (iso: string | null): number => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso))

function statsOf (body: string, tickets: Ticket[], now: Date): BodyStats {
  const t = now.getTime()
  const ackDecided = tickets.filter(k => k.acknowledgedAt !== null || Date.parse(k.deadlines.ackBy) <= t)
  const ackOnTime = ackDecided.filter(k => at(k.acknowledgedAt) <= Date.parse(k.deadlines.ackBy))
  const closed = tickets.filter(k => stateType(k.state) === 'fixed')
  // A ticket closed and then reopened by 不满意 counts against effectiveness even while open;
  // counting only tickets closed now would drop it from the denominator and flatter the body.
  const everClosed = tickets.filter(k => k.history.some(e => e.kind === 'close'))
  const closeDecided = tickets.filter(k => stateType(k.state) === 'fixed' || Date.parse(k.deadlines.closeBy) <= t)
  const closedOnTime = closed.filter(k => at(k.closedAt) <= Date.parse(k.deadlines.closeBy))
  // 受理: the body took the matter on (受理, 回复 or 办结); a ticket only 退回 was not accepted.
  const accepted = tickets.filter(k => k.history.some(e => ACCEPTING.has(e.kind)))
  const rated = tickets.filter(k => k.rating !== null && k.rating !== '未评价')
  const satisfied = rated.filter(k => k.rating === '满意' || k.rating === '基本满意')
  return {
    body,
    tickets: tickets.length,
    acknowledgedOnTime: rate(ackOnTime.length, ackDecided.length),
    closedOnTime: rate(closedOnTime.length, closeDecided.length),
    resolution: rate(closed.length, accepted.length),
    effectiveness: rate(closed.filter(k => k.reopenCount === 0).length, everClosed.length),
    satisfaction: rate(satisfied.length, rated.length),
    unrated: tickets.filter(k => k.rating === '未评价').length
  }
}

/**
 * The quarterly figures seed 003 asks for, per lead body and in total, over tickets created
 * in the period. Deadlines not yet reached do not count against a body.
 */
export function computeStats (tickets: Ticket[], period: StatsPeriod, now: Date): Stats {
  const created = tickets.filter(k => {
    const at = Date.parse(k.createdAt)
    return at >= period.start.getTime() && at < period.end.getTime()
  })
  const inPeriod = created.filter(k => k.state !== 'withdrawn')
  const bodies = [...new Set(inPeriod.map(k => k.leadBody))].sort()
  return {
    period,
    bodies: bodies.map(b => statsOf(b, inPeriod.filter(k => k.leadBody === b), now)),
    total: statsOf('total', inPeriod, now),
    withdrawn: created.length - inPeriod.length,
    rerouted: created.filter(k => k.history.some(e => e.kind === 'transfer')).length
  }
}
