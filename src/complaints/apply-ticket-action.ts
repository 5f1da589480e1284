import { computeDeadlines } from './compute-deadlines.js'
import type { DeadlinesConfig } from './deadline-schema.js'
import type { Rating, Ticket, TicketEvent } from './ticket.js'
import { nextState, stateLabel, TICKET_ACTIONS, type TicketAction } from './ticket-states.js'

export interface ActionInput {
  actorId: string
  now: Date
  note?: string
  /** for 转办: the new lead body */
  toBody?: string
  deadlines: DeadlinesConfig
}

export type ActionResult = { ok: true, ticket: Ticket } | { ok: false, reason: string }

/** Where 退回 sends a ticket: the owners' committee triages matters no body takes. */
export const TRIAGE_BODY = 'committee'

/**
 * A new ticket value after a body's action (pure: the input is not changed). The state
 * table decides what is allowed; a refusal says why in words for the person who typed it.
 */
export function applyTicketAction (ticket: Ticket, action: TicketAction, input: ActionInput): ActionResult {
  const to = nextState(ticket.state, action)
  const label = TICKET_ACTIONS[action].label
  if (to === undefined) {
    return { ok: false, reason: `工单 #${ticket.no} 当前状态为“${stateLabel(ticket.state)}”，不能${label}` }
  }
  if (action === 'transfer' && (input.toBody === undefined || input.toBody === ticket.leadBody)) {
    return { ok: false, reason: `转办需要另一个单位（当前负责单位就是 ${ticket.leadBody}）` }
  }
  const at = input.now.toISOString()
  const event: TicketEvent = { at, actorId: input.actorId, kind: action, from: ticket.state, to }
  if (input.note) event.note = input.note
  const next: Ticket = { ...ticket, state: to, history: [...ticket.history, event] }

  if (action === 'acknowledge' || ((action === 'reply' || action === 'close') && ticket.acknowledgedAt === null)) {
    next.acknowledgedAt = at // a reply or a result is also an acknowledgement
  }
  if (action === 'close') {
    next.closedAt = at
    next.ratingAskedAt = at
  }
  // A new body, or a reopened matter, starts a new round with fresh deadlines.
  if (action === 'transfer' || action === 'return') {
    if (ticket.accused?.bodies.includes(action === 'transfer' ? input.toBody! : TRIAGE_BODY)) {
      return { ok: false, reason: `工单 #${ticket.no} 反映的正是该单位，按回避规则不能交给它办理，请选择其他单位。` }
    }
    const body = action === 'transfer' ? input.toBody! : TRIAGE_BODY
    event.body = body
    next.informedBodies = [...new Set([ticket.leadBody, ...ticket.informedBodies])].filter(b => b !== body)
    next.leadBody = body
    next.acknowledgedAt = null
    next.deadlines = computeDeadlines(input.now, ticket.urgent, input.deadlines)
    next.escalation = { ...ticket.escalation, level: 0 }
  }
  if (action === 'withdraw') {
    next.ratingAskedAt = null
    next.escalation = { ...ticket.escalation, agenda: false } // off every agenda
  }
  // A reopened matter was accepted before: the owner's 不满意 does not un-accept it, so the new
  // round has only a close deadline to miss (a "仍未受理" letter about it would be false).
  if (action === 'reopen') {
    next.reopenCount = ticket.reopenCount + 1
    next.closedAt = null
    next.ratingAskedAt = null
    const fresh = computeDeadlines(input.now, ticket.urgent, input.deadlines)
    next.deadlines = { ...ticket.deadlines, closeBy: fresh.closeBy, closeWarnAt: fresh.closeWarnAt }
  }
  return { ok: true, ticket: next }
}

/** Record the complainant's rating; 不满意 is followed by a reopen (done by the caller). */
export function rateTicket (ticket: Ticket, rating: Rating, actorId: string, now: Date): Ticket {
  return {
    ...ticket,
    rating,
    ratingAskedAt: null,
    history: [...ticket.history, { at: now.toISOString(), actorId, kind: 'rate', note: rating }]
  }
}

/** Another owner raised the same matter: count them and keep them informed. */
export function joinTicket (ticket: Ticket, contactId: string, now: Date, text: string): Ticket {
  if (contactId === ticket.complainantId || ticket.coComplainantIds.includes(contactId)) return ticket
  const co = [...ticket.coComplainantIds, contactId]
  return {
    ...ticket,
    coComplainantIds: co,
    complainantCount: 1 + co.length,
    history: [...ticket.history, { at: now.toISOString(), actorId: contactId, kind: 'join', note: text }]
  }
}
