import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readOptions } from '../src/config/read-env-options.js'
import { allFeatures } from '../src/features/index.js'
import { createLogger } from '../src/log/logger.js'
import { BOT, ROOMS } from '../src/sandbox/demo-world.js'
import { MockWorld } from '../src/sandbox/mock-world.js'
import { SandboxSession } from '../src/sandbox/sandbox-session.js'
import { summarize, time } from './stats.js'

const N = 300
const ROOM = ROOMS[0]!.id
const LINES = ['@小区助手 你好', '/帮助', '@小区助手 维修资金怎么申请?', '@小区助手 谢谢']

/** Time from a message arriving to the bot's reply being handed to the puppet. */
export async function benchBot (): Promise<Record<string, unknown>> {
  return { message_ms: await measureOurs() }
}

async function measureOurs () {
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
  const mocker = session.runtime.mocker!
  let replied: (() => void) | undefined
  mocker.puppet.on('message', ({ messageId }) => {
    if ((mocker.messagePayload(messageId) as { talkerId?: string }).talkerId === BOT.id) replied?.()
  })
  const samples: number[] = []
  for (let i = 0; i < N + 20; i++) {
    const ms = await time(async () => {
      const done = new Promise<void>(resolve => { replied = resolve })
      world.say('wxid_zhang_ayi', { roomId: ROOM }, LINES[i % LINES.length]!, [BOT.id])
      await done // the same end point as the echo bot: the first reply reaches the puppet
    })
    await session.settle()
    if (i >= 20) samples.push(ms) // the first messages warm up caches and the JIT
  }
  await session.close()
  await rm(dir, { recursive: true, force: true })
  return summarize(samples)
}
