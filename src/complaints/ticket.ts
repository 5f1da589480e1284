import type { TicketDeadlines } from './compute-deadlines.js'
import type { ComplaintLocation } from './extract-location.js'
import type { Accused } from './recusal.js'
import type { TicketAction, TicketState } from './ticket-states.js'

export const RATINGS = ['满意', '基本满意', '不满意', '未评价'] as const
export type Rating = typeof RATINGS[number]

/** Everything that happens to a ticket, with who and when (ISO). */
export type TicketEventKind = 'create' | TicketAction | 'join' | 'rate' | 'remind' | 'warn' | 'agenda' | 'locate' | 'chase'

export interface TicketEvent {
  at: string
  /** contact id, or 'system' for clock-driven events */
  actorId: string
  kind: TicketEventKind
  from?: TicketState
  to?: TicketState
  /** reply text, result, reason, rating, the place added later */
  note?: string
  /** the body a ticket was transferred to, or the bodies notified */
  body?: string
}

/** 0 none, 1 提示 sent to the body, 2 警示 sent to the body and the party organization */
export type EscalationLevel = 0 | 1 | 2

export interface Ticket {
  /** short number people type: #27 */
  no: number
  text: string
  category: string
  leadBody: string
  informedBodies: string[]
  urgent: boolean
  /** not repeated in owner groups (neighbour matters, complaints about the committee or property company) */
  private: boolean
  location: ComplaintLocation | null
  complainantId: string
  /**
   * Whom the complaint is about (recusal.yaml): their bodies neither handle nor see it.
   * Absent on tickets stored before recusal existed (nobody accused).
   */
  accused?: Accused
  /** owners who raised the same matter later and joined this ticket */
  coComplainantIds: string[]
  /** how many owners raised it: 1 + co-complainants */
  complainantCount: number
  /** the group it was raised in; null when raised in private */
  roomId: string | null
  state: TicketState
  createdAt: string
  /** acknowledgement of the current round (reset when transferred or reopened) */
  acknowledgedAt: string | null
  closedAt: string | null
  reopenCount: number
  deadlines: TicketDeadlines
  /** `stage`: the deadline the level was reached for; a letter for one stage is not one for the next */
  escalation: { level: EscalationLevel, agenda: boolean, agendaAt: string | null, stage?: 'acknowledge' | 'close' }
  /** the latest rating; null before any */
  rating: Rating | null
  /** set while the complainant is asked to rate */
  ratingAskedAt: string | null
  history: TicketEvent[]
}

export const ticketLabel = (no: number): string => `#${no}`

/** Everyone who raised the matter: they are kept informed and may see the ticket. */
export const complainantsOf = (ticket: Ticket): string[] => [ticket.complainantId, ...ticket.coComplainantIds]
