import { statsRowOf, type StatsRow } from '../../complaints/compute-stats.js'
import { complainantsOf, type Ticket } from '../../complaints/ticket.js'

/**
 * What the look-ups need, kept in memory beside the tickets and rebuilt from them at every
 * start (never read from a file of its own, so it cannot disagree with the records):
 * - each person's tickets (raised or joined), for /我的工单;
 * - when each person raised or joined a matter, for the hourly limit;
 * - one small stats row per ticket, for /统计.
 * None of these walk the ticket files; they cost the same with 100 or 100,000 tickets.
 */
export class TicketIndex {
  private readonly byPerson = new Map<string, number[]>()
  private readonly activity = new Map<string, number[]>()
  private readonly rows: StatsRow[] = []

  /** Take in a ticket's new value; `previous` is the value it replaces (undefined when new). */
  add (ticket: Ticket, previous?: Ticket): void {
    this.rows[ticket.no - 1] = statsRowOf(ticket)
    const before = new Set(previous ? complainantsOf(previous) : [])
    for (const id of complainantsOf(ticket)) if (!before.has(id)) push(this.byPerson, id, ticket.no)
    // History only grows: the events after the previous value's are the new ones.
    for (const e of ticket.history.slice(previous?.history.length ?? 0)) {
      if (e.kind === 'create' || e.kind === 'join') push(this.activity, e.actorId, Date.parse(e.at))
    }
  }

  /** Ticket numbers of a person, newest first. */
  ticketsOf (contactId: string): number[] {
    return [...(this.byPerson.get(contactId) ?? [])].sort((a, b) => b - a)
  }

  /** How many matters a person raised or joined after `since`. */
  activitySince (contactId: string, since: number): number {
    return (this.activity.get(contactId) ?? []).filter(at => at > since).length
  }

  row (no: number): StatsRow | undefined {
    return this.rows[no - 1]
  }

  /** Every ticket's stats row, in number order. */
  * statsRows (): Iterable<StatsRow> {
    for (const row of this.rows) if (row !== undefined) yield row
  }
}

function push (map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
