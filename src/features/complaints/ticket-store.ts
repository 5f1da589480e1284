import { z } from 'zod'
import type { AppendLog, Storage } from '../../storage/storage.js'
import { computeStatsOfRows, type Stats } from '../../complaints/compute-stats.js'
import type { StatsPeriod } from '../../complaints/parse-period.js'
import type { Ticket } from '../../complaints/ticket.js'
import { isOpenState } from '../../complaints/ticket-states.js'
import { TicketIndex } from './ticket-index.js'

// Tickets are kept in an append-only log, one partition per CHUNK consecutive numbers
// (tickets/0000.jsonl holds #1–#500): creating or changing a ticket appends its new value,
// one line, whatever the history. The last line of a number wins; a partition is compacted
// when it holds many old values. Everything else (the next number, the open and rating
// lists, the per-person and stats indexes) is derived from the tickets at start, never
// stored: an index file could disagree with the records. In memory: open tickets, tickets
// waiting for a rating, the newest partition and a few recently read ones.

export const CHUNK = 500
export const TICKET_LOG = 'tickets'
const CACHED = 6 // older partitions kept after a read (/我的工单, /工单 N)
const COMPACT_AT = 4 // a cached partition with this many lines per ticket is rewritten

export const ticketSchema = z.object({ no: z.number().int().positive(), text: z.string(), state: z.string(), createdAt: z.string(), complainantId: z.string(), history: z.array(z.unknown()) })

/** Documents of earlier versions (complaints-tickets-0000.json …): moved into the log at the first start. */
export const CHUNK_FILE = /^complaints-tickets-\d{4}$/
export const chunkSchema = z.object({ tickets: z.array(ticketSchema.nullable()) })
/** The index file of earlier versions: no longer read or written (the index is rebuilt), still validated if present. */
export const metaSchema = z.object({ nextNo: z.number().int().positive(), open: z.array(z.number()), rating: z.array(z.number()) })

const chunkOf = (no: number): number => Math.floor((no - 1) / CHUNK)
export const partitionOf = (index: number): string => String(index).padStart(4, '0')

export class TicketStore {
  /** Open tickets and tickets waiting for a rating: always in memory. */
  private readonly live = new Map<number, Ticket>()
  private readonly open = new Set<number>()
  private readonly rating = new Set<number>()
  /** partition index → its tickets by number; Map order is least recently used first */
  private readonly cache = new Map<number, Map<number, Ticket>>()
  private readonly lines = new Map<number, number>()
  private readonly index = new TicketIndex()
  private nextNo = 1

  private constructor (private readonly log: AppendLog<Ticket>) {}

  static async load (storage: Storage): Promise<TicketStore> {
    const log = await storage.openLog<Ticket>(TICKET_LOG, { schema: ticketSchema })
    await moveOldChunks(storage, log)
    const store = new TicketStore(log)
    // One partition at a time: the whole history passes through memory once, at start.
    for (const part of log.partitions()) {
      const index = Number(part)
      const tickets = await store.read(index)
      for (const t of tickets.values()) {
        store.nextNo = Math.max(store.nextNo, t.no + 1)
        store.track(t)
      }
      if ((store.lines.get(index) ?? 0) > tickets.size * 1.5) store.compact(index, tickets)
    }
    const newest = chunkOf(store.nextNo)
    if (!store.cache.has(newest)) store.cache.set(newest, await store.read(newest))
    return store
  }

  get size (): number { return this.nextNo - 1 }

  async get (no: number): Promise<Ticket | undefined> {
    if (!Number.isInteger(no) || no < 1 || no > this.size) return undefined
    const live = this.live.get(no)
    if (live) return live
    const index = chunkOf(no)
    let tickets = this.cache.get(index)
    if (!tickets) tickets = await this.read(index)
    this.remember(index, tickets)
    return tickets.get(no)
  }

  /**
   * The newest value of a ticket held in memory (open, waiting for a rating, or recently
   * read), synchronously. A change computed after an await starts from this, not from a
   * value read before the await, or it would undo a change made meanwhile.
   */
  current (no: number): Ticket | undefined {
    return this.live.get(no) ?? this.cache.get(chunkOf(no))?.get(no)
  }

  /**
   * Allocate the next number and store the ticket `build` makes for it, synchronously: the
   * number, the record and the indexes change in one step, so concurrent complaints never
   * share a number and a duplicate check just before sees every earlier ticket.
   */
  async create (build: (no: number) => Ticket): Promise<Ticket> {
    const ticket = build(this.nextNo++)
    this.save(ticket)
    return ticket
  }

  /** Store a ticket's new value (tickets are immutable values): one appended line. */
  save (ticket: Ticket): void {
    const index = chunkOf(ticket.no)
    this.log.append(partitionOf(index), ticket)
    const lines = (this.lines.get(index) ?? 0) + 1
    this.lines.set(index, lines)
    const cached = this.cache.get(index)
    cached?.set(ticket.no, ticket)
    this.track(ticket)
    if (cached && lines > COMPACT_AT * CHUNK) this.compact(index, cached)
  }

  /** Open tickets, oldest first. */
  openTickets (): Ticket[] {
    return [...this.open].sort((a, b) => a - b).map(no => this.live.get(no)!)
  }

  /** Closed tickets still waiting for a rating. */
  awaitingRating (): Ticket[] {
    return [...this.rating].sort((a, b) => a - b).map(no => this.live.get(no)!)
  }

  /** A person's tickets (raised or joined), newest first, open ones included whatever their age. */
  async ticketsOf (contactId: string, since: Date, limit = 20): Promise<Ticket[]> {
    const wanted = this.index.ticketsOf(contactId)
      .filter(no => this.open.has(no) || (this.index.row(no)?.createdAt ?? 0) >= since.getTime())
      .slice(0, limit)
    const found: Ticket[] = []
    for (const no of wanted) {
      const t = await this.get(no)
      if (t) found.push(t)
    }
    return found
  }

  /** Matters a person raised or joined after `since` (for the hourly limit). */
  activitySince (contactId: string, since: Date): number {
    return this.index.activitySince(contactId, since.getTime())
  }

  /** /统计 figures for tickets created in the period, from the in-memory stats rows. */
  stats (period: StatsPeriod, now: Date): Stats {
    return computeStatsOfRows(this.index.statsRows(), period, now)
  }

  /** A partition's tickets, the last value of each number. */
  private async read (index: number): Promise<Map<number, Ticket>> {
    const entries = await this.log.read(partitionOf(index))
    this.lines.set(index, entries.length)
    const tickets = new Map<number, Ticket>()
    for (const t of entries) tickets.set(t.no, t)
    // Values saved while the file was being read are newer than what it held.
    for (const [no, t] of this.cache.get(index) ?? []) tickets.set(no, t)
    for (const t of this.live.values()) if (chunkOf(t.no) === index) tickets.set(t.no, t)
    return tickets
  }

  /** Keep a partition read for a look-up, dropping the least recently used beyond a few. */
  private remember (index: number, tickets: Map<number, Ticket>): void {
    this.cache.delete(index)
    this.cache.set(index, tickets)
    const newest = chunkOf(this.nextNo)
    for (const old of this.cache.keys()) {
      if (this.cache.size <= CACHED + 1) break
      if (old !== newest) this.cache.delete(old)
    }
  }

  /** Rewrite a partition with one line per ticket (synchronous: no append can slip between). */
  private compact (index: number, tickets: Map<number, Ticket>): void {
    this.log.replace(partitionOf(index), [...tickets.values()].sort((a, b) => a.no - b.no))
    this.lines.set(index, tickets.size)
  }

  /** Keep the indexes and the in-memory open and rating tickets in step with a ticket. */
  private track (ticket: Ticket): void {
    this.index.add(ticket)
    const open = isOpenState(ticket.state)
    const rating = ticket.ratingAskedAt !== null
    if (open) this.open.add(ticket.no)
    else this.open.delete(ticket.no)
    if (rating) this.rating.add(ticket.no)
    else this.rating.delete(ticket.no)
    if (open || rating) this.live.set(ticket.no, ticket)
    else this.live.delete(ticket.no)
  }
}

/** Tickets of earlier versions' chunk documents go into the log, in the commit that empties them. */
async function moveOldChunks (storage: Storage, log: AppendLog<Ticket>): Promise<void> {
  const present = new Set(log.partitions())
  for (const name of await storage.documents(CHUNK_FILE)) {
    const doc = await storage.open<{ tickets: Array<Ticket | null> }>(name, () => ({ tickets: [] }), { schema: chunkSchema })
    const tickets = doc.data.tickets.filter((t): t is Ticket => t !== null && t !== undefined)
    if (tickets.length === 0) continue
    const part = partitionOf(Number(name.slice(name.lastIndexOf('-') + 1)))
    if (!present.has(part)) log.replace(part, tickets)
    doc.update(d => { d.tickets = [] })
  }
}
