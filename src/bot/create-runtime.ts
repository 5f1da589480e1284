import type { WechatyInterface } from 'wechaty/impls'
import type { mock } from 'wechaty-puppet-mock'
import type { App, Command, Feature, FeatureFactory } from '../app/types.js'
import { AuditLog } from '../audit/audit-log.js'
import type { Clock } from '../clock/clock.js'
import type { Compound } from '../config/compound-schema.js'
import type { Options } from '../config/read-env-options.js'
import type { Logger } from '../log/logger.js'
import type { ThrottledOutbox } from '../outbox/outbox.js'
import { openOutbox } from '../outbox/outbox-log.js'
import { createRoleBook, emptyRoles, roleSchema } from '../roles/role-book.js'
import { DATA_FILES } from '../app/data-files.js'
import { Storage } from '../storage/storage.js'
import { StartupError } from '../app/startup-error.js'
import { CommandRouter } from './command-router.js'
import { dispatchMessage } from './dispatch-message.js'
import { openSeenMessages } from './seen-messages.js'
import { buildWechaty } from './select-puppet.js'
import { Sessions } from './sessions.js'
import { createDirectory, createTransport } from './wechaty-transport.js'
import { watchConnection, type ConnectionTimings } from './watch-connection.js'

export interface RuntimeInput {
  options: Options
  compound: Compound
  clock: Clock
  log: Logger
  features: FeatureFactory[]
  /** Tests only: shorter reconnect timings and puppet watchdog. */
  connection?: Partial<ConnectionTimings> & { watchdogSeconds?: number }
}

export interface Runtime {
  app: App
  bot: WechatyInterface
  mocker?: mock.Mocker
  outbox: ThrottledOutbox
  storage: Storage
  features: Feature[]
  start (): Promise<void>
  stop (): Promise<void>
  /** Run every feature's periodic work for the clock's current time. */
  tick (): Promise<void>
  /** Resolves after login, once every feature has started. */
  ready: Promise<void>
  /** Resolves once the message with this id has been handled (or dropped). */
  handled (messageId: string): Promise<void>
}

/** Assemble storage, outbox, roles and features around one Wechaty instance. */
export async function createRuntime ({ options, compound, clock, log, features: factories, connection: timings }: RuntimeInput): Promise<Runtime> {
  const storage = new Storage(options.storageDir, log, { files: DATA_FILES })
  // Every data file is validated here, before login: one that cannot be trusted stops the start.
  await storage.start()
  const { bot, mocker, link } = buildWechaty(options, options.botName, timings?.watchdogSeconds)
  const [roleStore, audit, outbox, sessions, seen] = await Promise.all([
    storage.open('roles', emptyRoles, { schema: roleSchema }),
    AuditLog.open(storage, clock),
    // A send that fails for the connection's sake makes the connection look at the gateway now.
    openOutbox(storage, { transport: createTransport(bot), throttle: options.outbox, logger: log, onTransportError: () => connection.check() }),
    Sessions.open(storage, clock),
    openSeenMessages(storage, clock.now())
  ])
  const commands: Command[] = []
  const app: App = {
    clock,
    compound,
    options,
    storage,
    outbox,
    audit,
    roles: createRoleBook(roleStore, compound.roster),
    directory: createDirectory(bot, compound),
    log,
    commands
  }
  const features = factories.map(f => f(app))
  commands.push(...features.flatMap(f => f.commands ?? []))
  const router = new CommandRouter(commands, app)
  const waiting = new Map<string, () => void>()
  const done = new Set<string>()
  const startedAt = clock.now()

  bot.on('message', msg => {
    void dispatchMessage(msg, { app, router, features, sessions, seen, startedAt })
      .finally(() => {
        done.add(msg.id)
        waiting.get(msg.id)?.()
      })
  })
  let markReady!: () => void
  let failReady!: (err: Error) => void
  const ready = new Promise<void>((resolve, reject) => { markReady = resolve; failReady = reject })
  const p = options.puppet
  const connection = watchConnection(bot, outbox, log, {
    reconnect: p.kind !== 'sandbox',
    link,
    gateway: p.kind === 'service' ? p : undefined,
    timings,
    onLogin: async () => {
      for (const f of features) {
        try {
          await f.start?.()
        } catch (err) {
          // A data file that cannot be read, or a skills file that does not validate, stops
          // the start, as the runtime's own files do; anything else costs only that feature.
          if (err instanceof StartupError) return failReady(err)
          log.error(`start of feature ${f.name} failed`, err)
        }
      }
      markReady()
    }
  })

  return {
    app,
    bot,
    mocker,
    outbox,
    storage,
    features,
    ready,
    start: async () => { await connection.start() },
    async stop () {
      connection.stopping()
      outbox.pause()
      await storage.close()
      await bot.stop()
    },
    async tick () {
      const now = clock.now()
      for (const f of features) {
        try {
          await f.tick?.(now)
        } catch (err) {
          log.error(`tick of feature ${f.name} failed`, err)
        }
      }
    },
    handled: async id => {
      if (done.has(id)) return
      await new Promise<void>(resolve => waiting.set(id, resolve))
      waiting.delete(id)
    }
  }
}
