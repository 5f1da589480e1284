import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readOptions } from '../src/config/read-env-options.js'
import { allFeatures } from '../src/features/index.js'
import { createLogger } from '../src/log/logger.js'
import type { MockWorld } from '../src/sandbox/mock-world.js'
import { SandboxSession } from '../src/sandbox/sandbox-session.js'
import { timeReplies } from './time-replies.js'

/** Our whole bot, as the sandbox runs it, with the outbox spacing off. */
export async function benchBot (): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-bench-'))
  const options = readOptions({ LOG_LEVEL: 'silent', STORAGE_DIR: dir })
  const session = await SandboxSession.open({
    options: { ...options, outbox: { spacingMs: 0, jitterMs: 0, perMinute: 0 } },
    features: allFeatures(),
    log: createLogger('silent'),
    print: () => {},
    notice: () => {}
  })
  const world = (session as unknown as { world: MockWorld }).world
  const message_ms = await timeReplies(session.runtime.mocker!, world, async () => { await session.settle() })
  await session.close()
  await rm(dir, { recursive: true, force: true })
  return { message_ms }
}
