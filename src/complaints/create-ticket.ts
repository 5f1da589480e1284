import { computeDeadlines } from './compute-deadlines.js'
import type { DeadlinesConfig } from './deadline-schema.js'
import type { ComplaintLocation } from './extract-location.js'
import type { Accused } from './recusal.js'
import type { Ticket } from './ticket.js'

export interface NewTicket {
  no: number
  text: string
  category: string
  /** bodies[0] leads; the rest are kept informed */
  bodies: string[]
  urgent: boolean
  private: boolean
  location: ComplaintLocation | null
  complainantId: string
  /** whom the complaint accuses (bodies already recused) */
  accused?: Accused
  roomId: string | null
  now: Date
  deadlines: DeadlinesConfig
}

/** A fresh ticket in state 待受理, text cut to `max_text` characters. */
export function createTicket (input: NewTicket): Ticket {
  const at = input.now.toISOString()
  const [lead = 'committee', ...informed] = input.bodies
  return {
    no: input.no,
    text: [...input.text].slice(0, input.deadlines.max_text).join(''),
    category: input.category,
    leadBody: lead,
    informedBodies: informed,
    urgent: input.urgent,
    private: input.private,
    location: input.location,
    complainantId: input.complainantId,
    ...(input.accused && input.accused.bodies.length > 0 ? { accused: input.accused } : {}),
    coComplainantIds: [],
    complainantCount: 1,
    roomId: input.roomId,
    state: 'new',
    createdAt: at,
    acknowledgedAt: null,
    closedAt: null,
    reopenCount: 0,
    deadlines: computeDeadlines(input.now, input.urgent, input.deadlines),
    escalation: { level: 0, agenda: false, agendaAt: null },
    rating: null,
    ratingAskedAt: null,
    history: [{ at, actorId: input.complainantId, kind: 'create', to: 'new' }]
  }
}
