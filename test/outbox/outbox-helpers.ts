import { createLogger } from '../../src/log/logger.js'
import { ThrottledOutbox, type OutboxOptions, type Transport } from '../../src/outbox/outbox.js'
import type { Op } from '../../src/outbox/outbox-ops.js'

export const silent = createLogger('silent')

export type RecordingTransport = Transport & { sent: string[], fail: Array<(room: string, content: string) => unknown> }

/** Records every send as `target|mentions|content`; `fail` entries may throw for a send. */
export function recordingTransport (friends: string[] = []): RecordingTransport {
  const sent: string[] = []
  const fail: RecordingTransport['fail'] = []
  // a `fail` entry returns an error to throw, a promise to wait for (one that never settles: a hang), or undefined
  const check = async (target: string, content: string): Promise<void> => {
    for (const f of fail) {
      const err = f(target, content)
      if (err instanceof Promise) await err
      else if (err !== undefined) throw err
    }
  }
  return {
    sent,
    fail,
    async sendRoom (roomId, content, mention) {
      const text = typeof content === 'string' ? content : `file:${content.name}`
      await check(roomId, text)
      sent.push(`${roomId}|${mention.join(',')}|${text}`)
    },
    async sendContact (contactId, content) {
      const text = typeof content === 'string' ? content : `file:${content.name}`
      await check(contactId, text)
      sent.push(`${contactId}|${text}`)
    },
    async isFriend (id) { return friends.includes(id) }
  }
}

/** An outbox on an in-memory log; `reopen` is a restart on what the log holds (a crash, for items mid-send). */
export function memoryOutbox (transport: Transport, extra: Partial<OutboxOptions> = {}, ops: Op[] = []): {
  outbox: ThrottledOutbox, ops: Op[], commits: number[], reopen: (t: Transport, more?: Partial<OutboxOptions>) => ReturnType<typeof memoryOutbox>
} {
  const commits: number[] = []
  const state = { ops }
  const outbox = new ThrottledOutbox({
    ops: [...ops],
    log: { append: op => { state.ops.push(structuredClone(op)) }, replace: next => { state.ops.splice(0, state.ops.length, ...structuredClone(next)) } },
    commit: async () => { commits.push(state.ops.length) },
    transport,
    throttle: { spacingMs: 0, jitterMs: 0, perMinute: 0 },
    logger: silent,
    onTransportError: () => {},
    ...extra
  })
  return { outbox, ops: state.ops, commits, reopen: (t, more = {}) => memoryOutbox(t, { ...extra, ...more }, structuredClone(state.ops)) }
}
