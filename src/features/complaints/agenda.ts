import type { App } from '../../app/types.js'
import { accusesAnyone } from '../../complaints/recusal.js'
import { deskOf } from './desk.js'
import { statsText, ticketLine } from './format-ticket.js'

// What the calendar's notices borrow from the complaints: the joint meeting's agenda and
// the quarter's figures for the committee's written report.

/** One line per ticket on the next joint-meeting agenda (places of private matters left out). */
export async function jointAgendaLines (app: App): Promise<string[]> {
  const desk = await deskOf(app)
  const now = app.clock.now()
  return desk.store.openTickets()
    // posted to the four-in-one group, where an accused party sits: its items are taken up by its supervisors
    .filter(t => t.escalation.agenda && !accusesAnyone(t))
    .map(t => ticketLine(t, desk.names, now, !t.private))
}

/** The complaint statistics of a period, as /统计 shows them. */
export async function ticketStatsText (app: App, period: { label: string, start: Date, end: Date }): Promise<string> {
  const desk = await deskOf(app)
  return statsText(desk.store.stats(period, app.clock.now()), desk.names)
}
