import { z } from 'zod'
import type { Storage, Store } from '../../storage/storage.js'
import { complainantsOf, type Ticket } from '../../complaints/ticket.js'
import { isOpenState } from '../../complaints/ticket-states.js'

// Tickets live in files of CHUNK consecutive numbers (complaints-tickets-0000.json, ...):
// each write rewrites one small file, and ticket N is found by arithmetic, so creating a
// ticket costs about the same with 1,000 or 100,000 stored. The meta file keeps the next
// number and the numbers of open tickets and of tickets waiting for a rating: an index,
// so that a start reads only the files those tickets are in, never the whole history.
// Tickets are numbered in clock order, which lets queries walk back from the newest.

export const CHUNK = 500
interface Chunk { tickets: Ticket[] }
interface Meta { nextNo: number, open: number[], rating: number[] }

export const CHUNK_FILE = /^complaints-tickets-\d{4}$/
export const metaSchema = z.object({ nextNo: z.number().int().positive(), open: z.array(z.number()), rating: z.array(z.number()) })
export const chunkSchema = z.object({
  tickets: z.array(z.object({ no: z.number().int().positive(), text: z.string(), state: z.string(), createdAt: z.string(), complainantId: z.string(), history: z.array(z.unknown()) }).nullable())
})

const chunkName = (index: number): string => `complaints-tickets-${String(index).padStart(4, '0')}`
const chunkOf = (no: number): number => Math.floor((no - 1) / CHUNK)
const slot = (no: number): number => (no - 1) % CHUNK

export class TicketStore {
  private readonly chunks = new Map<number, Store<Chunk>>()
  private readonly open = new Set<number>()
  private readonly rating = new Set<number>()

  private constructor (private readonly storage: Storage, private readonly meta: Store<Meta>) {}

  static async load (storage: Storage): Promise<TicketStore> {
    const meta = await storage.open<Meta>('complaints', () => ({ nextNo: 1, open: [], rating: [] }), { schema: metaSchema })
    const store = new TicketStore(storage, meta)
    for (const no of meta.data.open) store.open.add(no)
    for (const no of meta.data.rating) store.rating.add(no)
    for (const no of [...store.open, ...store.rating]) await store.chunk(chunkOf(no))
    return store
  }

  get size (): number { return this.meta.data.nextNo - 1 }

  async get (no: number): Promise<Ticket | undefined> {
    if (!Number.isInteger(no) || no < 1 || no > this.size) return undefined
    return (await this.chunk(chunkOf(no))).data.tickets[slot(no)]
  }

  /** Allocate the next number and store the ticket `build` makes for it. */
  async create (build: (no: number) => Ticket): Promise<Ticket> {
    const no = this.meta.data.nextNo
    const chunk = await this.chunk(chunkOf(no))
    const ticket = build(no)
    chunk.update(d => { d.tickets[slot(no)] = ticket })
    this.meta.update(d => { d.nextNo = no + 1 })
    this.track(ticket)
    return ticket
  }

  /** Replace a ticket by a newer value of it (tickets are immutable values). */
  save (ticket: Ticket): void {
    const chunk = this.chunks.get(chunkOf(ticket.no))
    if (!chunk || chunk.data.tickets[slot(ticket.no)] === undefined) throw new Error(`ticket #${ticket.no} is not loaded`)
    chunk.update(d => { d.tickets[slot(ticket.no)] = ticket })
    this.track(ticket)
  }

  /** Open tickets, oldest first (their files are always loaded). */
  openTickets (): Ticket[] {
    return [...this.open].sort((a, b) => a - b).map(no => this.loaded(no))
  }

  /** Closed tickets still waiting for a rating. */
  awaitingRating (): Ticket[] {
    return [...this.rating].sort((a, b) => a - b).map(no => this.loaded(no))
  }

  /** Newest first, reading older files only as far as the caller goes. */
  async * newestFirst (): AsyncGenerator<Ticket> {
    for (let no = this.size; no >= 1; no--) {
      const t = await this.get(no)
      if (t) yield t
    }
  }

  /** Tickets created in [start, end). */
  async createdBetween (start: Date, end: Date): Promise<Ticket[]> {
    const found: Ticket[] = []
    for await (const t of this.newestFirst()) {
      const at = Date.parse(t.createdAt)
      if (at < start.getTime()) break
      if (at < end.getTime()) found.push(t)
    }
    return found.reverse()
  }

  /** A person's tickets (raised or joined), newest first, open ones included whatever their age. */
  async ticketsOf (contactId: string, since: Date, limit = 20): Promise<Ticket[]> {
    const found = new Map<number, Ticket>()
    for (const t of this.openTickets()) if (complainantsOf(t).includes(contactId)) found.set(t.no, t)
    for await (const t of this.newestFirst()) {
      if (found.size >= limit || Date.parse(t.createdAt) < since.getTime()) break
      if (complainantsOf(t).includes(contactId)) found.set(t.no, t)
    }
    return [...found.values()].sort((a, b) => b.no - a.no).slice(0, limit)
  }

  private loaded (no: number): Ticket {
    const t = this.chunks.get(chunkOf(no))?.data.tickets[slot(no)]
    if (!t) throw new Error(`ticket #${no} is indexed but not loaded`)
    return t
  }

  private async chunk (index: number): Promise<Store<Chunk>> {
    let chunk = this.chunks.get(index)
    if (!chunk) {
      chunk = await this.storage.open<Chunk>(chunkName(index), () => ({ tickets: [] }), { schema: chunkSchema })
      this.chunks.set(index, chunk)
    }
    return chunk
  }

  /** Keep the open and rating indexes (memory and meta file) in step with a ticket. */
  private track (ticket: Ticket): void {
    const open = isOpenState(ticket.state)
    const rating = ticket.ratingAskedAt !== null
    if (open === this.open.has(ticket.no) && rating === this.rating.has(ticket.no)) return
    if (open) this.open.add(ticket.no)
    else this.open.delete(ticket.no)
    if (rating) this.rating.add(ticket.no)
    else this.rating.delete(ticket.no)
    this.meta.update(d => {
      d.open = [...this.open]
      d.rating = [...this.rating]
    })
  }
}
