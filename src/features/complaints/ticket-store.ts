import { z } from 'zod'
import type { Storage, Store } from '../../storage/storage.js'
import { computeStatsOfRows, type Stats } from '../../complaints/compute-stats.js'
import type { StatsPeriod } from '../../complaints/parse-period.js'
import type { Ticket } from '../../complaints/ticket.js'
import { isOpenState } from '../../complaints/ticket-states.js'
import { TicketIndex } from './ticket-index.js'

// Tickets live in files of CHUNK consecutive numbers (complaints-tickets-0000.json, ...):
// each write rewrites one small file, and ticket N is found by arithmetic. Everything else
// (the next number, the open and rating lists, the per-person and stats indexes) is derived
// from the tickets at start, never stored: an index file could disagree with the records.
// Tickets are numbered in clock order, which lets queries walk back from the newest.

export const CHUNK = 500
interface Chunk { tickets: Ticket[] }

export const chunkName = (index: number): string => `complaints-tickets-${String(index).padStart(4, '0')}`
export const CHUNK_FILE = /^complaints-tickets-\d{4}$/
export const chunkSchema = z.object({
  tickets: z.array(z.object({ no: z.number().int().positive(), text: z.string(), state: z.string(), createdAt: z.string(), complainantId: z.string(), history: z.array(z.unknown()) }).nullable())
})
/** The index file of earlier versions: no longer read or written (the index is rebuilt), still validated if present. */
export const metaSchema = z.object({ nextNo: z.number().int().positive(), open: z.array(z.number()), rating: z.array(z.number()) })
const chunkOf = (no: number): number => Math.floor((no - 1) / CHUNK)
const slot = (no: number): number => (no - 1) % CHUNK

export class TicketStore {
  private readonly chunks = new Map<number, Store<Chunk>>()
  private readonly opening = new Map<number, Promise<Store<Chunk>>>()
  private readonly open = new Set<number>()
  private readonly rating = new Set<number>()
  /** Created while their file was still opening (rare: the next file is opened ahead). */
  private readonly unwritten = new Map<number, Ticket>()
  private readonly index = new TicketIndex()
  private nextNo = 1

  private constructor (private readonly storage: Storage) {}

  static async load (storage: Storage): Promise<TicketStore> {
    const store = new TicketStore(storage)
    for (const name of await storage.documents(CHUNK_FILE)) {
      const i = Number(name.slice(name.lastIndexOf('-') + 1))
      for (const t of (await store.chunk(i)).data.tickets) {
        if (!t) continue
        store.nextNo = Math.max(store.nextNo, t.no + 1)
        store.track(t)
      }
    }
    // The file the next ticket goes in, and the one after, are open before anyone asks.
    await store.chunk(chunkOf(store.nextNo))
    await store.chunk(chunkOf(store.nextNo) + 1)
    return store
  }

  get size (): number { return this.nextNo - 1 }

  async get (no: number): Promise<Ticket | undefined> {
    if (!Number.isInteger(no) || no < 1 || no > this.size) return undefined
    return this.unwritten.get(no) ?? (await this.chunk(chunkOf(no))).data.tickets[slot(no)]
  }

  /**
   * Allocate the next number and store the ticket `build` makes for it. The number, the
   * indexes and (normally) the write happen synchronously, so concurrent complaints never
   * share a number and a duplicate check just before sees every earlier ticket.
   */
  async create (build: (no: number) => Ticket): Promise<Ticket> {
    const no = this.nextNo++
    const ticket = build(no)
    this.track(ticket)
    const index = chunkOf(no)
    if (slot(no) === 0) void this.chunk(index + 1).catch(() => {}) // a failure resurfaces on use
    const loaded = this.chunks.get(index)
    if (loaded) {
      loaded.update(d => { d.tickets[slot(no)] = ticket })
      return ticket
    }
    this.unwritten.set(no, ticket)
    const chunk = await this.chunk(index)
    chunk.update(d => { d.tickets[slot(no)] = this.unwritten.get(no) ?? ticket })
    this.unwritten.delete(no)
    return ticket
  }

  /** Replace a ticket by a newer value of it (tickets are immutable values). */
  save (ticket: Ticket): void {
    if (this.unwritten.has(ticket.no)) {
      this.track(ticket, this.unwritten.get(ticket.no))
      this.unwritten.set(ticket.no, ticket)
      return
    }
    const chunk = this.chunks.get(chunkOf(ticket.no))
    const previous = chunk?.data.tickets[slot(ticket.no)]
    if (!chunk || previous === undefined) throw new Error(`ticket #${ticket.no} is not loaded`)
    chunk.update(d => { d.tickets[slot(ticket.no)] = ticket })
    this.track(ticket, previous)
  }

  /** Open tickets, oldest first (their files are always loaded). */
  openTickets (): Ticket[] {
    return [...this.open].sort((a, b) => a - b).map(no => this.loaded(no))
  }

  /** Closed tickets still waiting for a rating. */
  awaitingRating (): Ticket[] {
    return [...this.rating].sort((a, b) => a - b).map(no => this.loaded(no))
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

  private loaded (no: number): Ticket {
    const t = this.unwritten.get(no) ?? this.chunks.get(chunkOf(no))?.data.tickets[slot(no)]
    if (!t) throw new Error(`ticket #${no} is indexed but not loaded`)
    return t
  }

  private async chunk (index: number): Promise<Store<Chunk>> {
    const chunk = this.chunks.get(index)
    if (chunk) return chunk
    // Callers asking at once share one open.
    let opening = this.opening.get(index)
    if (!opening) {
      opening = this.storage.open<Chunk>(chunkName(index), () => ({ tickets: [] }), { schema: chunkSchema }).then(c => {
        this.chunks.set(index, c)
        return c
      }).finally(() => this.opening.delete(index))
      this.opening.set(index, opening)
    }
    return await opening
  }

  /** Keep the indexes in step with a ticket's new value. */
  private track (ticket: Ticket, previous?: Ticket): void {
    this.index.add(ticket, previous)
    if (isOpenState(ticket.state)) this.open.add(ticket.no)
    else this.open.delete(ticket.no)
    if (ticket.ratingAskedAt !== null) this.rating.add(ticket.no)
    else this.rating.delete(ticket.no)
  }
}
