import { z } from 'zod'
import type { Logger } from '../log/logger.js'
import type { AppendLog, Storage } from '../storage/storage.js'
import { ThrottledOutbox, type OutboxOptions } from './outbox.js'
import type { Message, Op } from './outbox-ops.js'

/** The log `<storage>/outbox/queue.jsonl`: one line per operation, compacted as it grows. */
export const OUTBOX_LOG = 'outbox'
const PARTITION = 'queue'

const file = z.object({ name: z.string(), base64: z.string() })
const message = z.object({
  kind: z.enum(['room', 'contact']),
  roomId: z.string().optional(),
  contactId: z.string().optional(),
  mention: z.array(z.string()).optional(),
  fallbackRoomId: z.string().optional(),
  fallbackText: z.string().optional(),
  text: z.string().optional(),
  file: file.optional()
}).refine(m => m.kind === 'room' ? m.roomId !== undefined && m.mention !== undefined : m.contactId !== undefined, 'room needs roomId and mention, contact needs contactId')

const id = z.number().int().positive()
export const outboxOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id, lane: z.enum(['reply', 'bulk']), at: z.number(), key: z.string().optional(), message }),
  z.object({ op: z.enum(['sending', 'sent', 'queued', 'reported', 'dismissed']), id }),
  z.object({ op: z.literal('failed'), id, reason: z.string() }),
  z.object({ op: z.literal('done'), key: z.string(), at: z.number() }),
  z.object({ op: z.literal('next'), id })
])

/** Opens the outbox on its append-only log; every send is committed by the storage's group commit. */
export async function openOutbox (storage: Storage, o: Omit<OutboxOptions, 'log' | 'ops' | 'commit'> & { logger: Logger }): Promise<ThrottledOutbox> {
  const log = await storage.openLog<Op>(OUTBOX_LOG, { schema: outboxOpSchema })
  await moveLegacyQueue(storage, log)
  return new ThrottledOutbox({
    ...o,
    ops: await log.read(PARTITION),
    log: {
      append: (op, light) => { log.append(PARTITION, op, light) },
      replace: ops => { log.replace(PARTITION, ops) }
    },
    commit: async () => { await storage.commitBeforeSend() }
  })
}

// Before the log, the queue was one document, `outbox.json`, rewritten on every send.
const legacySchema = z.object({ nextId: z.number(), items: z.array(z.looseObject({ id: z.number(), state: z.string(), kind: z.enum(['room', 'contact']) })) })
type LegacyItem = z.infer<typeof legacySchema>['items'][number]

/** Moves what the old document still held into the log, in one commit with emptying it. */
async function moveLegacyQueue (storage: Storage, log: AppendLog<Op>): Promise<void> {
  if (!(await storage.documents(/^outbox$/)).includes('outbox')) return
  const legacy = await storage.open('outbox', () => ({ nextId: 1, items: [] as LegacyItem[] }), { schema: legacySchema })
  if (legacy.data.items.length === 0) return
  log.append(PARTITION, { op: 'next', id: legacy.data.nextId })
  for (const { id, state, ...message } of legacy.data.items) {
    log.append(PARTITION, { op: 'add', id, lane: message.kind === 'contact' ? 'reply' : 'bulk', at: Date.now(), message: message as unknown as Message })
    // mid-send under the old outbox too: unconfirmed, for the chair
    if (state === 'sending') log.append(PARTITION, { op: 'sending', id })
  }
  legacy.update(d => { d.items = [] })
  await storage.commit()
}
