import type { EscalationLevel, Ticket } from './ticket.js'
import { isOpenState } from './ticket-states.js'
import { DAY_MS } from '../clock/shanghai-time.js'

/** The body that convenes the joint meeting and receives 警示 (seed 003). */
export const PARTY_BODY = 'party'
export const JOINT_BODY = 'joint'

export interface EscalationStep {
  /** 提示 = early reminder letter, 警示 = warning letter, 联席会议 = straight onto the agenda */
  kind: '提示' | '警示' | '联席会议'
  level: EscalationLevel
  /** which deadline was missed */
  stage: 'acknowledge' | 'close' | 'dissatisfied' | 'multi_party'
  /** bodies to tell */
  notify: string[]
  /** put the ticket on the next joint-meeting agenda */
  agenda: boolean
}

const passed = (iso: string, now: Date): boolean => now.getTime() >= Date.parse(iso)

function stepFor (ticket: Ticket, level: 1 | 2, stage: EscalationStep['stage']): EscalationStep {
  return level === 1
    ? { kind: '提示', level, stage, notify: [ticket.leadBody], agenda: false }
    : { kind: '警示', level, stage, notify: [...new Set([ticket.leadBody, PARTY_BODY])], agenda: true }
}

/**
 * What the clock requires now (pure; the caller sends and records). Overdue → 提示 to the
 * body; at warn_factor × the deadline → 警示 to the body and the party organization and
 * the ticket goes on the joint-meeting agenda. A tick that finds both due sends only the
 * higher. Tickets led by the joint meeting go on the agenda at once.
 */
export function checkEscalation (ticket: Ticket, now: Date): EscalationStep[] {
  if (!isOpenState(ticket.state)) return []
  if (ticket.leadBody === JOINT_BODY) {
    return ticket.escalation.agenda ? [] : [{ kind: '联席会议', level: ticket.escalation.level, stage: 'multi_party', notify: [PARTY_BODY], agenda: true }]
  }
  const d = ticket.deadlines
  // Only the stage the ticket is in can be overdue: an accepted ticket has no acceptance to miss.
  const waitingAck = ticket.acknowledgedAt === null
  const ackLevel = !waitingAck ? 0 : passed(d.ackWarnAt, now) ? 2 : passed(d.ackBy, now) ? 1 : 0
  const closeLevel = passed(d.closeWarnAt, now) ? 2 : passed(d.closeBy, now) ? 1 : 0
  const due = Math.max(ackLevel, closeLevel) as EscalationLevel
  const stage = waitingAck && ackLevel >= closeLevel ? 'acknowledge' : 'close'
  // Letters already sent count for the stage they were sent for (older tickets: any stage).
  const sent = ticket.escalation.stage === undefined || ticket.escalation.stage === stage ? ticket.escalation.level : 0
  if (due <= sent || due === 0) return []
  return [stepFor(ticket, due, stage)]
}

/** 不满意: one level up at once (提示, then 警示 with the agenda). */
export function escalateOnDissatisfaction (ticket: Ticket): EscalationStep {
  const sent = ticket.escalation.stage === 'acknowledge' ? 0 : ticket.escalation.level
  const level = Math.min(2, sent + 1) as 1 | 2
  return stepFor(ticket, level, 'dissatisfied')
}

/** The ticket after a step was carried out (pure). */
export function recordEscalation (ticket: Ticket, step: EscalationStep, now: Date): Ticket {
  const at = now.toISOString()
  const agenda = ticket.escalation.agenda || step.agenda
  const history = [...ticket.history, { at, actorId: 'system', kind: step.level === 2 ? 'warn' as const : step.kind === '联席会议' ? 'agenda' as const : 'remind' as const, note: step.kind, body: step.notify.join(',') }]
  const stage = step.stage === 'acknowledge' ? 'acknowledge' as const : 'close' as const
  const sameStage = ticket.escalation.stage === undefined || ticket.escalation.stage === stage
  return {
    ...ticket,
    escalation: {
      stage,
      level: (step.kind === '联席会议' ? ticket.escalation.level : sameStage ? Math.max(ticket.escalation.level, step.level) : step.level) as EscalationLevel,
      agenda,
      agendaAt: ticket.escalation.agendaAt ?? (agenda ? at : null)
    },
    history
  }
}

/** No rating within the wait: recorded as 未评价 (pure; undefined when nothing to do). */
export function expireRating (ticket: Ticket, now: Date, waitDays: number): Ticket | undefined {
  if (ticket.ratingAskedAt === null || ticket.state !== 'closed') return undefined
  if (now.getTime() < Date.parse(ticket.ratingAskedAt) + waitDays * DAY_MS) return undefined
  return {
    ...ticket,
    rating: '未评价',
    ratingAskedAt: null,
    history: [...ticket.history, { at: now.toISOString(), actorId: 'system', kind: 'rate', note: '未评价' }]
  }
}
