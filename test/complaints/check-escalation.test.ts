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
    expect(warned.escalation).toEqual({ stage: 'acknowledge', level: 2, agenda: true, agendaAt: sh('2026-11-02 23:00').toISOString() })
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

describe('the ladder across rounds (issue 10)', () => {
  const act = (t: ReturnType<typeof makeTicket>, action: Parameters<typeof applyTicketAction>[1], now: string, extra: object = {}) => {
    const r = applyTicketAction(t, action, { actorId: 'wxid_liu', now: sh(now), deadlines, ...extra })
    if (!r.ok) throw new Error(r.reason)
    return r.ticket
  }

  it('gives a reopened ticket fresh deadlines and never asks again for its acceptance', () => {
    const closed = act(act(act(makeTicket(), 'acknowledge', '2026-11-02 11:00'), 'reply', '2026-11-02 12:00', { note: '已派人' }), 'close', '2026-11-02 15:00', { note: '已修' })
    const reopened = act(closed, 'reopen', '2026-11-03 10:00')
    expect(reopened.acknowledgedAt).not.toBeNull()
    expect(Date.parse(reopened.deadlines.closeBy)).toBeGreaterThan(sh('2026-11-09 10:00').getTime())
    const letters = [sh('2026-11-04 10:00'), sh('2026-11-06 10:00'), sh('2026-11-10 11:00'), sh('2026-11-20 11:00')].flatMap(now => checkEscalation(reopened, now))
    expect(letters.every(s => s.stage === 'close')).toBe(true)
    expect(checkEscalation(reopened, sh('2026-11-09 10:00'))).toEqual([]) // the old round's deadline is gone
  })

  it('sends the close stage its own 提示 after a late acceptance was reminded', () => {
    const t = makeTicket()
    const reminded = recordEscalation(t, checkEscalation(t, sh('2026-11-03 10:00'))[0]!, sh('2026-11-03 10:00'))
    const accepted = act(reminded, 'acknowledge', '2026-11-03 11:00')
    expect(checkEscalation(accepted, sh('2026-11-03 12:00'))).toEqual([])
    expect(checkEscalation(accepted, sh('2026-11-09 10:00'))[0]).toMatchObject({ kind: '提示', stage: 'close' })
  })

  it('takes a withdrawn ticket off the agenda and sends it nothing more', () => {
    const t = recordEscalation(makeTicket(), { kind: '警示', level: 2, stage: 'acknowledge', notify: ['property', 'party'], agenda: true }, sh('2026-11-04 10:00'))
    const withdrawn = act(t, 'withdraw', '2026-11-04 11:00', { note: '不实' })
    expect(withdrawn.state).toBe('withdrawn')
    expect(withdrawn.escalation.agenda).toBe(false)
    expect(checkEscalation(withdrawn, sh('2026-12-01 10:00'))).toEqual([])
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
