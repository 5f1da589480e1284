// Benchmark section for `npm run bench` (not a test: nothing here asserts on time).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { summarize, time } from './stats.js'
import { classifyComplaint } from '../src/complaints/classify-complaint.js'
import { createTicket } from '../src/complaints/create-ticket.js'
import { defaultDeadlines } from '../src/complaints/deadline-schema.js'
import { extractLocation } from '../src/complaints/extract-location.js'
import type { Ticket } from '../src/complaints/ticket.js'
import { CHUNK, partitionOf, TICKET_LOG, TicketStore } from '../src/features/complaints/ticket-store.js'
import { Storage } from '../src/storage/storage.js'

const CREATES = 200
const config = defaultDeadlines()
const NOW = new Date('2026-12-07T01:00:00Z')

const texts = (parse(readFileSync(new URL('../test/fixtures/complaints.yaml', import.meta.url), 'utf8')) as { complaints: Array<{ text: string }> })
  .complaints.map(c => c.text)

function sample (no: number): Ticket {
  const text = texts[no % texts.length]!
  const c = classifyComplaint(text)
  return createTicket({ no, text, category: c.category ?? 'other', bodies: c.bodies, urgent: c.urgent, private: false, location: extractLocation(text), complainantId: `wxid_owner_${no % 500}`, roomId: 'room', now: NOW, deadlines: config })
}

/** Write `count` closed tickets as the store lays them out, without going through it. */
export async function prefillTickets (dir: string, count: number): Promise<void> {
  const base = Array.from({ length: CHUNK }, (_, i) => sample(i + 1))
  await mkdir(path.join(dir, TICKET_LOG), { recursive: true })
  for (let chunk = 0; chunk * CHUNK < count; chunk++) {
    const tickets = base.slice(0, Math.min(CHUNK, count - chunk * CHUNK)).map((t, i) => ({ ...t, no: chunk * CHUNK + i + 1, state: 'closed' as const }))
    await writeFile(path.join(dir, TICKET_LOG, `${partitionOf(chunk)}.jsonl`), tickets.map(t => JSON.stringify(t) + '\n').join(''))
  }
}

async function measureCreate (stored: number): Promise<Record<string, unknown> & { median: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-bench-tickets-'))
  try {
    await prefillTickets(dir, stored)
    const storage = new Storage(dir)
    let store: TicketStore | undefined
    const load = await time(async () => { store = await TicketStore.load(storage) })
    const ms: number[] = []
    for (let i = 0; i < CREATES; i++) {
      ms.push(await time(async () => {
        await store!.create(no => sample(no))
        await storage.commit() // what happens before the confirmation is sent
      }))
    }
    // /统计 今年: from the in-memory stats rows, never the ticket files.
    const year = { label: '今年', start: new Date('2026-01-01T00:00:00+08:00'), end: new Date('2027-01-01T00:00:00+08:00') }
    const heapBefore = process.memoryUsage().heapUsed
    const stats = summarize(Array.from({ length: 20 }, () => { const t0 = performance.now(); store!.stats(year, NOW); return performance.now() - t0 }))
    const statsHeapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576)
    return { ...summarize(ms), load_ms: Math.round(load), stats_year_ms: stats, stats_year_heap_delta_mb: statsHeapMb }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function benchComplaints (): Promise<Record<string, unknown>> {
  const classify = summarize(texts.map(t => { const t0 = performance.now(); classifyComplaint(t); return performance.now() - t0 }))
  const small = await measureCreate(1_000)
  const large = await measureCreate(100_000)
  return {
    complaint_classify_ms: classify,
    ticket_create_1k_ms: small,
    ticket_create_100k_ms: large,
    ticket_create_ratio: Math.round(large.median / small.median * 100) / 100
  }
}
