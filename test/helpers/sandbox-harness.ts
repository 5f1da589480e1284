import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FeatureFactory } from '../../src/app/types.js'
import { readOptions } from '../../src/config/read-env-options.js'
import { allFeatures } from '../../src/features/index.js'
import { createLogger } from '../../src/log/logger.js'
import type { Sent } from '../../src/sandbox/mock-world.js'
import { SandboxSession } from '../../src/sandbox/sandbox-session.js'

/** Tests start on Sunday 2026-11-22 10:00 Beijing time, whatever the date they run on. */
export const TEST_START = new Date('2026-11-22T02:00:00Z')

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface HarnessOptions {
  /** Reuse a data directory (to test restarts); a new temporary one by default. */
  dataDir?: string
  env?: Record<string, string>
  features?: FeatureFactory[]
  start?: Date
}

export interface Harness {
  session: SandboxSession
  dataDir: string
  /** Every message the bot has sent since the harness opened. */
  sent: Sent[]
  /** Feed sandbox lines; returns the messages the bot sent in response. */
  run (...lines: string[]): Promise<Sent[]>
  /** Stop the bot, keeping the data directory (for restart tests). */
  close (): Promise<void>
  /** Stop and delete the data directory. */
  dispose (): Promise<void>
}

/** The real bot on the mock puppet, driven exactly as `npm start` drives it. */
export async function openSandbox (opts: HarnessOptions = {}): Promise<Harness> {
  const dataDir = opts.dataDir ?? await mkdtemp(path.join(tmpdir(), 'xiaoqu-test-'))
  const options = readOptions({ LOG_LEVEL: 'silent', STORAGE_DIR: dataDir, ...opts.env }, ROOT)
  const sent: Sent[] = []
  const session = await SandboxSession.open({
    options: { ...options, outbox: { spacingMs: 0, jitterMs: 0, perMinute: 0 } },
    features: opts.features ?? allFeatures(),
    log: createLogger(options.logLevel),
    print: m => sent.push(m),
    notice: text => { throw new Error(`sandbox notice: ${text}`) },
    start: opts.start ?? TEST_START
  })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await session.close()
  }
  return {
    session,
    dataDir,
    sent,
    async run (...lines) {
      const before = sent.length
      for (const line of lines) await session.line(line)
      return sent.slice(before)
    },
    close,
    async dispose () {
      await close()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/** The texts sent into one chat (group topic or `私聊 NAME`). */
export function textsIn (sent: Sent[], chat: string): string[] {
  return sent.filter(m => m.chat === chat).map(m => m.text)
}
