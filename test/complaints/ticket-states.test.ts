import { describe, expect, it } from 'vitest'
import { applyTicketAction, joinTicket, rateTicket } from '../../src/complaints/apply-ticket-action.js'
import { isOpenState, nextState, stateType, TICKET_STATES } from '../../src/complaints/ticket-states.js'
import { deadlines, makeTicket, sh } from './make-ticket.js'

const by = (now: string, extra: object = {}) => ({ actorId: 'wxid_liu', now: sh(now), deadlines, ...extra })

describe('the state table', () => {
  it('gives every state a type: 已办结 is fixed, 已撤销 closed apart', () => {
    expect(Object.entries(TICKET_STATES).filter(([, s]) => s.type !== 'open').map(([id]) => id)).toEqual(['closed', 'withdrawn'])
    expect(stateType('withdrawn')).toBe('closed')
    expect(stateType('closed')).toBe('fixed')
    expect(isOpenState('returned')).toBe(true)
  })

  it('allows 办结 before 受理 but not twice, and 重新打开 only after 办结', () => {
    expect(nextState('new', 'close')).toBe('closed')
    expect(nextState('closed', 'close')).toBeUndefined()
    expect(nextState('acknowledged', 'acknowledge')).toBeUndefined()
    expect(nextState('new', 'reopen')).toBeUndefined()
    expect(nextState('closed', 'reopen')).toBe('reopened')
    expect(nextState('returned', 'return')).toBeUndefined()
  })
})

describe('createTicket', () => {
  it('keeps at most max_text characters of the complaint', () => {
    const t = makeTicket({ text: '电梯坏了'.repeat(200) })
    expect([...t.text]).toHaveLength(deadlines.max_text)
    expect(t).toMatchObject({ state: 'new', complainantCount: 1, leadBody: 'property', informedBodies: [] })
  })
})

describe('applyTicketAction', () => {
  it('records 受理 with actor and time, without changing the input', () => {
    const ticket = makeTicket()
    const result = applyTicketAction(ticket, 'acknowledge', by('2026-11-02 11:00'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.ticket.state).toBe('acknowledged')
    expect(result.ticket.acknowledgedAt).toBe(sh('2026-11-02 11:00').toISOString())
    expect(result.ticket.history.at(-1)).toMatchObject({ actorId: 'wxid_liu', kind: 'acknowledge', from: 'new', to: 'acknowledged' })
    expect(ticket.state).toBe('new')
  })

  it('explains a refused 办结 of a closed ticket', () => {
    const closed = applyTicketAction(makeTicket({ no: 27 }), 'close', by('2026-11-02 11:00', { note: '已修好' }))
    if (!closed.ok) throw new Error(closed.reason)
    expect(closed.ticket.acknowledgedAt).not.toBeNull() // 办结 counts as acknowledgement
    expect(closed.ticket.ratingAskedAt).not.toBeNull()
    const again = applyTicketAction(closed.ticket, 'close', by('2026-11-02 12:00'))
    expect(again).toEqual({ ok: false, reason: '工单 #27 当前状态为“已办结”，不能办结' })
  })

  it('转办 moves the lead, keeps the old lead informed and restarts the clock', () => {
    const result = applyTicketAction(makeTicket(), 'transfer', by('2026-11-04 10:00', { toBody: 'residents', note: '邻里纠纷' }))
    if (!result.ok) throw new Error(result.reason)
    expect(result.ticket).toMatchObject({ leadBody: 'residents', informedBodies: ['property'], state: 'transferred', acknowledgedAt: null })
    expect(result.ticket.deadlines.ackBy).toBe(sh('2026-11-05 10:00').toISOString())
    expect(applyTicketAction(makeTicket(), 'transfer', by('2026-11-04 10:00')).ok).toBe(false)
  })

  it('退回 sends the ticket to the owners\' committee for triage', () => {
    const result = applyTicketAction(makeTicket(), 'return', by('2026-11-02 12:00', { note: '不归物业' }))
    if (!result.ok) throw new Error(result.reason)
    expect(result.ticket).toMatchObject({ leadBody: 'committee', state: 'returned' })
  })

  it('重新打开 counts the reopening and keeps the rating that caused it', () => {
    const closed = applyTicketAction(makeTicket(), 'close', by('2026-11-02 11:00'))
    if (!closed.ok) throw new Error(closed.reason)
    const rated = rateTicket(closed.ticket, '不满意', 'wxid_zhang', sh('2026-11-02 12:00'))
    const reopened = applyTicketAction(rated, 'reopen', by('2026-11-02 12:00'))
    if (!reopened.ok) throw new Error(reopened.reason)
    expect(reopened.ticket).toMatchObject({ state: 'reopened', reopenCount: 1, rating: '不满意', closedAt: null, ratingAskedAt: null })
  })

  it('joinTicket counts each other owner once', () => {
    const t = joinTicket(joinTicket(makeTicket(), 'wxid_li', sh('2026-11-02 11:00'), '5号楼电梯又坏了'), 'wxid_li', sh('2026-11-02 11:05'), '同上')
    expect(t.complainantCount).toBe(2)
    expect(joinTicket(t, 'wxid_zhang', sh('2026-11-02 12:00'), 'x')).toBe(t)
  })
})
