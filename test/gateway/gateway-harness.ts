import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { log as wechatyLog } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetServer } from 'wechaty-puppet-service'
import { afterEach } from 'vitest'
import { createRuntime, type Runtime } from '../../src/bot/create-runtime.js'
import type { ConnectionTimings } from '../../src/bot/watch-connection.js'
import { ManualClock } from '../../src/clock/clock.js'
import { loadCompound } from '../../src/config/load-compound.js'
import { readOptions } from '../../src/config/read-env-options.js'
import { allFeatures } from '../../src/features/index.js'
import { createLogger } from '../../src/log/logger.js'
import { BOT } from '../../src/sandbox/demo-world.js'
import { MockWorld, type Sent } from '../../src/sandbox/mock-world.js'
import { ROOT, TEST_START } from '../helpers/sandbox-harness.js'

export const TOKEN = 'insecure_xiaoqu_test'

/** The demo compound's owner group, as the gateway's room id. */
export const OWNERS = 'yangguang-owners@chatroom'

/** The texts the bot sent into one chat (group topic or `私聊 NAME`). */
export const texts = (sent: Sent[], chat: string): string[] => sent.filter(m => m.chat === chat).map(m => m.text)

// As src/main.ts does: the libraries' own log lines are for debugging only.
wechatyLog.level('silent')

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/**
 * A puppet-service gateway as an operator runs one: `PuppetServer` wrapping `PuppetMock`
 * with the demo compound's people and groups. Its WeChat account resumes its session
 * whenever the gateway's puppet is started (as padlocal-style gateways do). `kill()` drops
 * every connection at once; `start()` brings up a new server on the same port.
 */
export class Gateway {
  readonly mocker = new mock.Mocker()
  readonly puppet = new PuppetMock({ mocker: this.mocker })
  readonly world: MockWorld
  /** Every message the bot sent through this gateway, in order. */
  readonly sent: Sent[] = []
  private server: PuppetServer | undefined

  constructor (readonly port: number, private readonly opts: { tls?: boolean, token?: string } = {}, now = () => new Date()) {
    this.world = new MockWorld(this.mocker, now)
    this.world.populate()
    this.world.onBotMessage(m => this.sent.push(m))
    this.puppet.on('start', () => { setTimeout(() => { if (!this.puppet.isLoggedIn) this.world.login() }, 10) })
  }

  get endpoint (): string { return `127.0.0.1:${this.port}` }

  async start (): Promise<void> {
    this.server = new PuppetServer({ endpoint: this.endpoint, puppet: this.puppet, token: this.opts.token ?? TOKEN, tls: { disable: this.opts.tls !== true } })
    await this.server.start()
  }

  async kill (): Promise<void> {
    await this.server?.stop()
    this.server = undefined
  }

  /** An owner or body member speaks; `@小区助手` in a group text mentions the bot. */
  say (talkerId: string, text: string, roomId?: string): string {
    const mentions = roomId && text.includes(`@${BOT.name}`) ? [BOT.id] : []
    return this.world.say(talkerId, { roomId }, text, mentions).id
  }
}

/** Settings for the bot's connection in these tests: every library and retry timer shortened. */
export const FAST: Partial<ConnectionTimings> & { watchdogSeconds: number } = {
  loginWithinMs: 5000,
  firstRetryMs: 200,
  maxRetryMs: 2000,
  portPollMs: 100,
  pingEveryMs: 1000,
  pingTimeoutMs: 2000,
  // Wechaty's watchdog resets the puppet after 60 s without a heartbeat; 5 s here, so a
  // quiet gateway (PuppetMock sends none) would make the bot flap within these tests.
  watchdogSeconds: 5
}

export interface BotUnderTest { runtime: Runtime, logs: string[], dataDir: string, dispose (): Promise<void> }

/** The real bot as `npm start` builds it (src/run-bot.ts), pointed at the gateway. */
export async function startBot (endpoint: string, opts: { env?: Record<string, string>, bootstrapCode?: string, spacingMs?: number } = {}): Promise<BotUnderTest> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-gateway-'))
  const options = readOptions({
    LOG_LEVEL: 'warn',
    STORAGE_DIR: dataDir,
    WECHATY_PUPPET_SERVICE_TOKEN: TOKEN,
    WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint,
    ...opts.env
  }, ROOT)
  const logs: string[] = []
  // The puppet-service client caches contacts under $HOME/.wechaty when it is built: here,
  // as the README advises for production, under the data directory.
  const home = process.env.HOME
  process.env.HOME = path.join(dataDir, 'home')
  const runtime = await createRuntime({
    options: { ...options, outbox: { spacingMs: opts.spacingMs ?? 0, jitterMs: 0, perMinute: 0 } },
    compound: await loadCompound(options.compoundFile),
    clock: new ManualClock(TEST_START),
    log: createLogger('warn', line => logs.push(line)),
    features: allFeatures({ bootstrapCode: opts.bootstrapCode }),
    connection: FAST
  }).finally(() => { process.env.HOME = home })
  await runtime.start()
  return {
    runtime,
    logs,
    dataDir,
    async dispose () {
      await runtime.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/** What a test has started: set by the test, stopped after it by `stopAfterEach`. */
export interface Started { bot?: BotUnderTest, gateway?: Gateway }

/** Registers an `afterEach` that disposes of the test's bot, then kills its gateway. */
export function stopAfterEach (): Started {
  const started: Started = {}
  afterEach(async () => {
    await started.bot?.dispose()
    await started.gateway?.kill()
    started.bot = started.gateway = undefined
  })
  return started
}

/** Wait until `check` holds (polling); fails with `what` after `ms`. Not a timing assertion: the limit is generous. */
export async function until (what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

export const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))
