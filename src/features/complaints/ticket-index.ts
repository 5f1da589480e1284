import { statsRowOf, type StatsRow } from '../../complaints/compute-stats.js'
import { complainantsOf, type Ticket } from '../../complaints/ticket.js'

/**
 * What the look-ups need, kept in memory beside the tickets and rebuilt from them at every
 * start (never read from a file of its own, so it cannot disagree with the records):
 * - each person's tickets (raised or joined), for /我的工单;
 * - when each person raised or joined a matter, for the hourly limit;
 * - one small stats row per ticket, for /统计.
 * None of these walk the ticket files; they cost the same with 100 or 100,000 tickets.
 * Taking in a ticket is idempotent: any newer value of it may be added, in any order.
 */
export class TicketIndex {
  private readonly byPerson = new Map<string, Set<number>>()
  /** person → `no/event index` → time (ms) of raising or joining */
  private readonly activity = new Map<string, Map<string, number>>()
  private readonly rows: StatsRow[] = []

  add (ticket: Ticket): void {
    this.rows[ticket.no - 1] = statsRowOf(ticket)
    for (const id of complainantsOf(ticket)) at(this.byPerson, id, () => new Set()).add(ticket.no)
    ticket.history.forEach((e, i) => {
      if (e.kind === 'create' || e.kind === 'join') at(this.activity, e.actorId, () => new Map()).set(`${ticket.no}/${i}`, Date.parse(e.at))
    })
  }

  /** Ticket numbers of a person, newest first. */
  ticketsOf (contactId: string): number[] {
    return [...(this.byPerson.get(contactId) ?? [])].sort((a, b) => b - a)
  }

  /** How many matters a person raised or joined after `since`. */
  activitySince (contactId: string, since: number): number {
    let n = 0
    for (const t of this.activity.get(contactId)?.values() ?? []) if (t > since) n++
    return n
  }

  row (no: number): StatsRow | undefined {
    return this.rows[no - 1]
  }

  /** Every ticket's stats row, in number order. */
  * statsRows (): Iterable<StatsRow> {
    for (const row of this.rows) if (row !== undefined) yield row
  }
}

function at<K, V> (map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key)
  if (v === undefined) map.set(key, v = make())
  return v
}
