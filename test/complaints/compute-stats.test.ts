import { describe, expect, it } from 'vitest'
import { applyTicketAction, rateTicket } from '../../src/complaints/apply-ticket-action.js'
import { computeStats, rate } from '../../src/complaints/compute-stats.js'
import { parsePeriod } from '../../src/complaints/parse-period.js'
import type { Ticket } from '../../src/complaints/ticket.js'
import type { TicketAction } from '../../src/complaints/ticket-states.js'
import { deadlines, makeTicket, sh } from './make-ticket.js'

function act (t: Ticket, action: TicketAction, when: string, toBody?: string): Ticket {
  const r = applyTicketAction(t, action, { actorId: 'wxid_liu', now: sh(when), deadlines, toBody })
  if (!r.ok) throw new Error(r.reason)
  return r.ticket
}

describe('parsePeriod', () => {
  const now = sh('2026-11-15 12:00')
  it.each([
    ['本月', '2026年11月', '2026-11-01 00:00', '2026-12-01 00:00'],
    ['', '2026年第四季度', '2026-10-01 00:00', '2027-01-01 00:00'], // the seeds' reporting period (003)
    ['上月', '2026年10月', '2026-10-01 00:00', '2026-11-01 00:00'],
    ['本季度', '2026年第四季度', '2026-10-01 00:00', '2027-01-01 00:00'],
    ['上季度', '2026年第三季度', '2026-07-01 00:00', '2026-10-01 00:00'],
    ['2026Q4', '2026年第四季度', '2026-10-01 00:00', '2027-01-01 00:00'],
    ['2026年第一季度', '2026年第一季度', '2026-01-01 00:00', '2026-04-01 00:00'],
    ['2026-03', '2026年3月', '2026-03-01 00:00', '2026-04-01 00:00'],
    ['2025', '2025年', '2025-01-01 00:00', '2026-01-01 00:00']
  ])('%s', (text, label, start, end) => {
    expect(parsePeriod(text, now)).toEqual({ label, start: sh(start), end: sh(end) })
  })
  it('wraps 上月 in January and 上季度 in Q1 into the previous year', () => {
    expect(parsePeriod('上月', sh('2027-01-10 08:00'))?.label).toBe('2026年12月')
    expect(parsePeriod('上季度', sh('2027-02-10 08:00'))?.label).toBe('2026年第四季度')
  })
  it('rejects what is not a period', () => {
    expect(parsePeriod('下周', now)).toBeUndefined()
    expect(parsePeriod('2026-13', now)).toBeUndefined()
  })
})

describe('computeStats', () => {
  const q4 = parsePeriod('2026Q4', sh('2026-11-15 12:00'))!

  it('shows "—" for a rate with nothing to count, never NaN', () => {
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null, text: '—' })
    expect(rate(2, 3).text).toBe('66.7%（2/3）')
    const empty = computeStats([], q4, sh('2026-11-15 12:00'))
    expect(empty.bodies).toEqual([])
    expect(empty.total.satisfaction.text).toBe('—')
    expect(empty.total.tickets).toBe(0)
  })

  it('computes 调处率, 处置有效率 and 满意率 per body and in total with their counts', () => {
    const a = rateTicket(act(act(makeTicket({ no: 1 }), 'acknowledge', '2026-11-02 11:00'), 'close', '2026-11-03 10:00'), '满意', 'o', sh('2026-11-03 11:00'))
    // closed late, rated 不满意 and reopened: accepted, not closed now, and an ineffective disposal
    const b = act(rateTicket(act(makeTicket({ no: 2 }), 'close', '2026-11-20 10:00'), '不满意', 'o', sh('2026-11-20 11:00')), 'reopen', '2026-11-20 11:00')
    // reopened then closed again: closed but not effective
    const c = act(act(act(makeTicket({ no: 3 }), 'close', '2026-11-02 12:00'), 'reopen', '2026-11-02 13:00'), 'close', '2026-11-02 14:00')
    // noise, never touched, past its acknowledgement deadline
    const d = makeTicket({ no: 4, category: 'noise', bodies: ['residents'] })
    // outside the period
    const e = makeTicket({ no: 5, now: sh('2026-09-30 10:00') })

    const stats = computeStats([a, b, c, d, e], q4, sh('2026-11-25 12:00'))
    expect(stats.period.label).toBe('2026年第四季度')
    expect(stats.bodies.map(s => s.body)).toEqual(['property', 'residents'])
    const property = stats.bodies[0]!
    expect(property.tickets).toBe(3)
    expect(property.resolution.text).toBe('66.7%（2/3）')
    // only a was settled for good; b (reopened, still open) and c (reopened, closed again) were closed once
    expect(property.effectiveness.text).toBe('33.3%（1/3）')
    expect(property.satisfaction.text).toBe('50%（1/2）')
    expect(property.acknowledgedOnTime.text).toBe('66.7%（2/3）') // b was first accepted (by its closing) after its acceptance deadline
    const residents = stats.bodies[1]!
    expect(residents.resolution.text).toBe('—')
    expect(residents.acknowledgedOnTime.text).toBe('0%（0/1）')
    expect(stats.total.tickets).toBe(4)
    expect(stats.total.satisfaction).toMatchObject({ numerator: 1, denominator: 2 })
  })

  it('counts a closing that the owner rejected against 处置有效率 while the ticket is open again', () => {
    const reopened = act(rateTicket(act(makeTicket(), 'close', '2026-11-03 10:00'), '不满意', 'o', sh('2026-11-03 11:00')), 'reopen', '2026-11-03 11:00')
    const stats = computeStats([reopened], q4, sh('2026-11-04 12:00'))
    expect(stats.total.effectiveness.text).toBe('0%（0/1）') // was "—": the failed disposal vanished
    expect(stats.total.resolution.text).toBe('0%（0/1）')
  })

  it('leaves 未评价 out of 满意率 and counts it beside it', () => {
    const closed = act(makeTicket(), 'close', '2026-11-03 10:00')
    const silent = { ...closed, rating: '未评价' as const, ratingAskedAt: null }
    const stats = computeStats([silent], q4, sh('2026-11-10 12:00'))
    expect(stats.total.satisfaction.text).toBe('—')
    expect(stats.total.unrated).toBe(1)
  })

  it('counts withdrawn tickets apart, in no rate, and counts tickets rerouted by 转办', () => {
    const withdrawn = act(makeTicket({ no: 1 }), 'withdraw', '2026-11-03 10:00')
    const moved = act(makeTicket({ no: 2 }), 'transfer', '2026-11-02 11:00', 'residents')
    const stats = computeStats([withdrawn, moved], q4, sh('2026-11-04 12:00'))
    expect(stats.withdrawn).toBe(1)
    expect(stats.rerouted).toBe(1)
    expect(stats.total.tickets).toBe(1)
    expect(stats.bodies.map(b => b.body)).toEqual(['residents'])
  })

  it('does not count deadlines still ahead against a body', () => {
    const fresh = makeTicket({ now: sh('2026-11-25 11:00') })
    expect(computeStats([fresh], q4, sh('2026-11-25 12:00')).total.acknowledgedOnTime.text).toBe('—')
  })
})
