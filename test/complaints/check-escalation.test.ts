import { describe, expect, it } from 'vitest'
import { applyTicketAction } from '../../src/complaints/apply-ticket-action.js'
import { checkEscalation, escalateOnDissatisfaction, expireRating, recordEscalation } from '../../src/complaints/check-escalation.js'
import { deadlines, makeTicket, sh } from './make-ticket.js'

describe('checkEscalation', () => {
  const urgent = makeTicket({ urgent: true, now: sh('2026-11-02 22:00') })

  it('does nothing before the deadline', () => {
    expect(checkEscalation(urgent, sh('2026-11-02 22:29'))).toEqual([])
  })

  it('sends 提示 to the body when the acknowledgement is late', () => {
    expect(checkEscalation(urgent, sh('2026-11-02 22:30'))).toEqual([{ kind: '提示', level: 1, stage: 'acknowledge', notify: ['property'], agenda: false }])
  })

  it('sends 警示 to the body and the party organization at twice the deadline, with the agenda', () => {
    const reminded = recordEscalation(urgent, checkEscalation(urgent, sh('2026-11-02 22:30'))[0]!, sh('2026-11-02 22:30'))
    expect(checkEscalation(reminded, sh('2026-11-02 22:45'))).toEqual([])
    const [step] = checkEscalation(reminded, sh('2026-11-02 23:00'))
    expect(step).toEqual({ kind: '警示', level: 2, stage: 'acknowledge', notify: ['property', 'party'], agenda: true })
    const warned = recordEscalation(reminded, step!, sh('2026-11-02 23:00'))
    expect(warned.escalation).toEqual({ level: 2, agenda: true, agendaAt: sh('2026-11-02 23:00').toISOString() })
    expect(checkEscalation(warned, sh('2026-11-03 09:00'))).toEqual([])
  })

  it('sends only the higher step when a tick finds both due', () => {
    expect(checkEscalation(urgent, sh('2026-11-03 09:00')).map(s => s.kind)).toEqual(['警示'])
  })

  it('watches the closing deadline once acknowledged, counted in working days', () => {
    const acked = applyTicketAction(makeTicket(), 'acknowledge', { actorId: 'wxid_liu', now: sh('2026-11-02 11:00'), deadlines })
    if (!acked.ok) throw new Error(acked.reason)
    expect(checkEscalation(acked.ticket, sh('2026-11-09 09:59'))).toEqual([])
    expect(checkEscalation(acked.ticket, sh('2026-11-09 10:00'))[0]).toMatchObject({ kind: '提示', stage: 'close' })
    expect(checkEscalation(acked.ticket, sh('2026-11-16 10:00'))[0]).toMatchObject({ kind: '警示', stage: 'close' })
  })

  it('ignores closed tickets', () => {
    const closed = applyTicketAction(urgent, 'close', { actorId: 'wxid_liu', now: sh('2026-11-02 22:10'), deadlines })
    if (!closed.ok) throw new Error(closed.reason)
    expect(checkEscalation(closed.ticket, sh('2026-11-09 00:00'))).toEqual([])
  })

  it('puts multi_party tickets straight on the joint-meeting agenda, once', () => {
    const joint = makeTicket({ category: 'multi_party', bodies: ['joint'] })
    const [step] = checkEscalation(joint, sh('2026-11-02 10:01'))
    expect(step).toMatchObject({ kind: '联席会议', notify: ['party'], agenda: true })
    expect(checkEscalation(recordEscalation(joint, step!, sh('2026-11-02 10:01')), sh('2026-11-20 10:00'))).toEqual([])
  })

  it('escalates one level on 不满意', () => {
    const t = makeTicket()
    expect(escalateOnDissatisfaction(t)).toMatchObject({ kind: '提示', level: 1, stage: 'dissatisfied' })
    const once = recordEscalation(t, escalateOnDissatisfaction(t), sh('2026-11-03 10:00'))
    expect(escalateOnDissatisfaction(once)).toMatchObject({ kind: '警示', level: 2, agenda: true })
  })
})

describe('expireRating', () => {
  it('records 未评价 after the wait, not before', () => {
    const closed = applyTicketAction(makeTicket(), 'close', { actorId: 'wxid_liu', now: sh('2026-11-02 11:00'), deadlines })
    if (!closed.ok) throw new Error(closed.reason)
    expect(expireRating(closed.ticket, sh('2026-11-05 10:59'), 3)).toBeUndefined()
    expect(expireRating(closed.ticket, sh('2026-11-05 11:00'), 3)).toMatchObject({ rating: '未评价', ratingAskedAt: null })
    expect(expireRating(makeTicket(), sh('2026-12-01 00:00'), 3)).toBeUndefined()
  })
})
