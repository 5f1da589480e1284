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

/**
 * What the figures need of one ticket, a few numbers instead of its whole history: the
 * ticket store keeps one per ticket in memory, so /统计 never reads old tickets from disk.
 */
export interface StatsRow {
  createdAt: number
  leadBody: string
  ackBy: number
  /** Infinity while not acknowledged */
  acknowledgedAt: number
  closeBy: number
  closedAt: number
  fixed: boolean
  everClosed: boolean
  accepted: boolean
  reopened: boolean
  rating: Ticket['rating']
  withdrawn: boolean
  rerouted: boolean
}

export function statsRowOf (k: Ticket): StatsRow {
  return {
    createdAt: Date.parse(k.createdAt),
    leadBody: k.leadBody,
    ackBy: Date.parse(k.deadlines.ackBy),
    acknowledgedAt: at(k.acknowledgedAt),
    closeBy: Date.parse(k.deadlines.closeBy),
    closedAt: at(k.closedAt),
    fixed: stateType(k.state) === 'fixed',
    // A ticket closed and then reopened by 不满意 counts against effectiveness even while open;
    // counting only tickets closed now would drop it from the denominator and flatter the body.
    everClosed: k.history.some(e => e.kind === 'close'),
    // 受理: the body took the matter on (受理, 回复 or 办结); a ticket only 退回 was not accepted.
    accepted: k.history.some(e => ACCEPTING.has(e.kind)),
    reopened: k.reopenCount > 0,
    rating: k.rating,
    withdrawn: k.state === 'withdrawn',
    rerouted: k.history.some(e => e.kind === 'transfer')
  }
}

interface Counts { tickets: number, ackDecided: number, ackOnTime: number, closeDecided: number, closedOnTime: number, closed: number, accepted: number, everClosed: number, closedNeverReopened: number, rated: number, satisfied: number, unrated: number }

const zero = (): Counts => ({ tickets: 0, ackDecided: 0, ackOnTime: 0, closeDecided: 0, closedOnTime: 0, closed: 0, accepted: 0, everClosed: 0, closedNeverReopened: 0, rated: 0, satisfied: 0, unrated: 0 })

function count (c: Counts, k: StatsRow, t: number): void {
  c.tickets++
  if (k.acknowledgedAt !== Number.POSITIVE_INFINITY || k.ackBy <= t) {
    c.ackDecided++
    if (k.acknowledgedAt <= k.ackBy) c.ackOnTime++
  }
  if (k.fixed || k.closeBy <= t) c.closeDecided++
  if (k.fixed) {
    c.closed++
    if (k.closedAt <= k.closeBy) c.closedOnTime++
    if (!k.reopened) c.closedNeverReopened++
  }
  if (k.everClosed) c.everClosed++
  if (k.accepted) c.accepted++
  if (k.rating !== null && k.rating !== '未评价') {
    c.rated++
    if (k.rating === '满意' || k.rating === '基本满意') c.satisfied++
  }
  if (k.rating === '未评价') c.unrated++
}

const statsOf = (body: string, c: Counts): BodyStats => ({
  body,
  tickets: c.tickets,
  acknowledgedOnTime: rate(c.ackOnTime, c.ackDecided),
  closedOnTime: rate(c.closedOnTime, c.closeDecided),
  resolution: rate(c.closed, c.accepted),
  effectiveness: rate(c.closedNeverReopened, c.everClosed),
  satisfaction: rate(c.satisfied, c.rated),
  unrated: c.unrated
})

/**
 * The quarterly figures seed 003 asks for, per lead body and in total, over tickets created
 * in the period. Deadlines not yet reached do not count against a body. One pass, counters
 * only: a year of 100,000 tickets is a few milliseconds and no copies.
 */
export function computeStatsOfRows (rows: ReadonlyArray<StatsRow | undefined>, period: StatsPeriod, now: Date): Stats {
  const t = now.getTime()
  const start = period.start.getTime()
  const end = period.end.getTime()
  const total = zero()
  const byBody = new Map<string, Counts>()
  let withdrawn = 0
  let rerouted = 0
  for (let i = 0; i < rows.length; i++) {
    const k = rows[i]
    if (k === undefined || k.createdAt < start || k.createdAt >= end) continue
    if (k.rerouted) rerouted++
    if (k.withdrawn) { withdrawn++; continue } // counted apart, in no rate
    count(total, k, t)
    let c = byBody.get(k.leadBody)
    if (!c) byBody.set(k.leadBody, c = zero())
    count(c, k, t)
  }
  return {
    period,
    bodies: [...byBody.keys()].sort().map(b => statsOf(b, byBody.get(b)!)),
    total: statsOf('total', total),
    withdrawn,
    rerouted
  }
}

export function computeStats (tickets: Ticket[], period: StatsPeriod, now: Date): Stats {
  return computeStatsOfRows(tickets.map(statsRowOf), period, now)
}
