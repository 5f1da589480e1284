// Benchmark sections for `npm run bench`: bursts, chatter and growth (nothing here asserts).
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { auditMonth, type AuditEntry } from '../src/audit/audit-log.js'
import { Sessions } from '../src/bot/sessions.js'
import { systemClock } from '../src/clock/clock.js'
import { Storage } from '../src/storage/storage.js'
import { openSandbox } from '../test/helpers/sandbox-harness.js'
import { burstComplaints } from '../test/helpers/complaint-burst.js'
import { prefillTickets } from './bench-complaints.js'
import { CHATTER, LINES } from './time-replies.js'
import { timeBot } from './bench-message-handling.js'

/** 100 complaints handed to the bot at once. */
export async function benchBurst (): Promise<Record<string, unknown>> {
  const h = await openSandbox({ start: new Date() })
  try {
    return { burst_100_complaints: await burstComplaints(h, 100) }
  } finally {
    await h.dispose()
  }
}

const day = (d: Date): string => d.toISOString().slice(0, 10)

/** Group chatter not for the bot, with 5,000 messages already seen: time until it is dropped. */
export async function benchChatter (): Promise<Record<string, unknown>> {
  const chatter_ms = await timeBot({ lines: CHATTER, mention: false, untilHandled: true }, undefined, async dir => {
    const storage = new Storage(dir)
    const seen = await storage.openLog<string>('seen-messages', { schema: (await import('../src/bot/seen-messages.js')).seenEntrySchema })
    for (let i = 0; i < 5_000; i++) seen.append(day(new Date()), `seen-${i}`)
    await storage.close()
  })
  return { chatter_ms }
}

// A handled message of every kind the growth touches: Q&A (sessions), an audited refusal
// (audit log), /我的工单 (ticket index), besides the usual load.
export const GROWTH_LINES = [...LINES, '/角色 列表', '/我的工单']

/** 100k tickets, 100k audit entries, 100k sessions and 1M seen ids, written as the bot keeps them. */
export async function prefillGrowth (dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  await prefillTickets(dir, 100_000)
  const now = Date.now()
  // The logs are JSON lines: written directly, a million appends through the journal would
  // only time the fixture.
  await mkdir(path.join(dir, 'audit'))
  const entries: AuditEntry[] = Array.from({ length: 100_000 }, (_, i) => ({ at: new Date(now - i * 60_000).toISOString(), who: `wxid_owner_${i % 500}`, action: '/角色', args: '列表', result: 'refused: role' }))
  const byMonth = new Map<string, string[]>()
  for (const e of entries) {
    const m = auditMonth(new Date(e.at))
    byMonth.set(m, [...byMonth.get(m) ?? [], JSON.stringify(e)])
  }
  for (const [m, lines] of byMonth) await writeFile(path.join(dir, 'audit', `${m}.jsonl`), lines.join('\n') + '\n')
  await mkdir(path.join(dir, 'seen-messages'))
  const ids = Array.from({ length: 1_000_000 }, (_, i) => JSON.stringify(`seen-${i}`))
  await writeFile(path.join(dir, 'seen-messages', `${day(new Date())}.jsonl`), ids.join('\n') + '\n')
  const storage = new Storage(dir)
  const sessions = await Sessions.open(storage, systemClock)
  for (let i = 0; i < 100_000; i++) sessions.for(`wxid_owner_${i}`).set('qa-last', 'repair-fund', 24 * 60)
  await storage.close()
}

export async function benchGrowthEmpty (): Promise<Record<string, unknown>> {
  return { growth_empty_ms: await timeBot({ lines: GROWTH_LINES }) }
}

export async function benchGrowthFull (): Promise<Record<string, unknown>> {
  return { growth_full_ms: await timeBot({ lines: GROWTH_LINES }, undefined, prefillGrowth) }
}
