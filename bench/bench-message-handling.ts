import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { types } from 'wechaty-puppet'
import { readOptions } from '../src/config/read-env-options.js'
import { allFeatures } from '../src/features/index.js'
import { createLogger } from '../src/log/logger.js'
import type { MockWorld } from '../src/sandbox/mock-world.js'
import { SandboxSession } from '../src/sandbox/sandbox-session.js'
import { time } from './stats.js'
import { timeReplies, WARM_UP, type TimeOptions } from './time-replies.js'

/** Our whole bot, as the sandbox runs it, with the outbox spacing off, on a data directory. */
export async function openBot (dir: string): Promise<{ session: SandboxSession, world: MockWorld, start_ms: number }> {
  const options = readOptions({ LOG_LEVEL: 'silent', STORAGE_DIR: dir })
  let session!: SandboxSession
  const start_ms = Math.round(await time(async () => {
    session = await SandboxSession.open({
      options: { ...options, outbox: { spacingMs: 0, jitterMs: 0, perMinute: 0 } },
      features: allFeatures(),
      log: createLogger('silent'),
      print: () => {},
      notice: () => {}
    })
  }))
  return { session, world: (session as unknown as { world: MockWorld }).world, start_ms }
}

function fullGc (): void {
  v8.setFlagsFromString('--expose-gc')
  ;(vm.runInNewContext('gc') as () => void)()
}

/** Time messages through our bot on `dir` (a fresh one when not given). */
export async function timeBot (options: TimeOptions & { untilHandled?: boolean } = {}, dir?: string, prepare?: (dir: string) => Promise<void>) {
  const own = dir ?? await mkdtemp(path.join(tmpdir(), 'xiaoqu-bench-'))
  try {
    await prepare?.(own)
    const { session, world, start_ms } = await openBot(own)
    for (const id of options.speakers ?? []) session.runtime.mocker!.createContact({ id, name: `业主${id.slice(-4)}`, friend: true, type: types.Contact.Individual })
    // Timed in steady state: what the start read and checked (every file) is collected first.
    fullGc()
    const done = options.untilHandled ? async (id: string) => { await session.runtime.handled(id) } : undefined
    const syncs = session.runtime.storage.journalSyncs
    const ms = await timeReplies(session.runtime.mocker!, world, { between: async () => { await session.settle() }, done, ...options })
    // fdatasyncs a reply waited for (or a later commit made), per timed message and warm-up
    const syncs_per_message = Math.round((session.runtime.storage.journalSyncs - syncs) / (ms.n + WARM_UP) * 100) / 100
    // What the bot keeps once running, after a full collection (peak RSS also counts the
    // fixture and the start's checks of every file).
    fullGc()
    const heap_mb = Math.round(process.memoryUsage().heapUsed / 1048576)
    await session.close()
    return { ...ms, syncs_per_message, start_ms, heap_mb }
  } finally {
    await rm(own, { recursive: true, force: true })
  }
}

export async function benchBot (): Promise<Record<string, unknown>> {
  const { start_ms: _, heap_mb: __, ...message_ms } = await timeBot()
  // A confirmation (已登记 #N) waits for the fdatasync of its ticket and card: each complaint
  // from another owner (no hourly limit), about another building (no duplicate).
  const speakers = Array.from({ length: 400 }, (_, i) => `wxid_confirm_${String(i).padStart(4, '0')}`)
  const { start_ms: ___, heap_mb: ____, ...confirmation_ms } = await timeBot({ lines: ['投诉 {i}号楼大堂的灯坏了'], speakers })
  return { message_ms, confirmation_ms }
}
