import type { Logger } from '../log/logger.js'
import type { Storage } from '../storage/storage.js'
import { ThrottledOutbox, type OutboxOptions } from './outbox.js'
import type { Op } from './outbox-ops.js'

export const OUTBOX_NAME = 'outbox'

interface OutboxFile { ops: Op[] }
const emptyLog = (): OutboxFile => ({ ops: [] })

/** Opens the outbox on its log in the storage directory. */
export async function openOutbox (storage: Storage, o: Omit<OutboxOptions, 'log' | 'ops' | 'commit'> & { logger: Logger }): Promise<ThrottledOutbox> {
  const store = await storage.open(OUTBOX_NAME, emptyLog, { version: 2, migrations: { 1: fromQueue } })
  return new ThrottledOutbox({
    ...o,
    ops: store.data.ops,
    log: {
      append: op => { store.update(d => { d.ops.push(op) }) },
      replace: ops => { store.update(d => { d.ops = ops }) }
    },
    commit: async () => { await storage.flushAll() }
  })
}

/** Version 1 was the whole queue as one document: its items become 'add' entries. */
function fromQueue (data: { nextId: number, items: Array<Record<string, any>> }): OutboxFile {
  const ops: Op[] = [{ op: 'next', id: data.nextId }]
  for (const { id, state, kind, text, file, ...rest } of data.items) {
    const message = { kind, ...rest, ...(text !== undefined && { text }), ...(file !== undefined && { file }) } as any
    ops.push({ op: 'add', id, lane: kind === 'contact' ? 'reply' : 'bulk', at: Date.now(), message })
    if (state === 'sending') ops.push({ op: 'sending', id })
  }
  return { ops }
}
