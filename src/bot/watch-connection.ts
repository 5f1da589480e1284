import QRCode from 'qrcode'
import type { WechatyInterface } from 'wechaty/impls'
import type { Logger } from '../log/logger.js'
import type { GatewaySettings } from './diagnose-gateway.js'
import type { GatewayLink } from './gateway-link.js'
import { connectionLoop } from './retry-connection.js'
import { pingLink } from './watch-link.js'

export interface ConnectionTimings {
  /** After a start, a login or a QR code must come within this, else the start is retried. */
  loginWithinMs: number
  /** Retry delays double from the first to the cap, forever. */
  firstRetryMs: number
  maxRetryMs: number
  /** While the gateway's port is closed, how often to look whether it has opened. */
  portPollMs: number
  /** While connected, how often the gateway is pinged (and Wechaty's 60 s watchdog fed). */
  pingEveryMs: number
  pingTimeoutMs: number
}

export const DEFAULT_TIMINGS: ConnectionTimings = {
  loginWithinMs: 30_000, firstRetryMs: 1000, maxRetryMs: 60_000, portPollMs: 500, pingEveryMs: 20_000, pingTimeoutMs: 5000
}

export interface Pausable { pause (): void, resume (): void }

export interface ConnectionOptions {
  /** Retry until logged in (real puppets); the sandbox's mock puppet never needs it. */
  reconnect: boolean
  onLogin: () => Promise<void>
  /** Only for the puppet service: liveness pings and the event stream. */
  link?: GatewayLink
  gateway?: GatewaySettings
  timings?: Partial<ConnectionTimings>
}

export interface Connection {
  /** The first start; afterwards the connection keeps itself up. */
  start (): Promise<void>
  /** Something failed to send: look at the gateway now (the outbox's onTransportError). */
  check (): void
  stopping (): void
}

/**
 * Keeps the bot connected: login resumes the outbox, anything else pauses it. A start that
 * fails, or brings neither a login nor a QR code in time, is retried with backoff forever,
 * each try logged at warn with the cause and the fix in Chinese. A dropped event stream or
 * an unanswered ping triggers a reconnect at once, and a closed gateway port is watched so
 * the bot is back within a second of the gateway.
 */
export function watchConnection (bot: WechatyInterface, outbox: Pausable, log: Logger, opts: ConnectionOptions): Connection {
  const t = { ...DEFAULT_TIMINGS, ...opts.timings }
  const loop = connectionLoop(bot, outbox, log, opts, t)
  const state = loop.state
  let started = false

  bot.on('scan', (qrcode, status) => {
    loop.scanned()
    log.info(`请用机器人的微信扫码登录 (status ${status}):`)
    QRCode.toString(qrcode, { type: 'terminal', small: true }).then(s => process.stderr.write(s + '\n'), () => {})
  })
  bot.on('login', user => {
    log.info(`logged in as ${user.name()} (${user.id})`)
    if (state.attempt > 0) log.warn(`已重新连上微信网关（重试 ${state.attempt} 次后）`)
    loop.connected()
    if (!started) {
      started = true
      opts.onLogin().catch(err => log.error('feature start failed', err))
    }
  })
  bot.on('logout', (user, reason) => {
    outbox.pause()
    if (state.phase === 'stopped' || state.ownStops > 0) return
    log.warn(`logged out (${user.id}): ${reason ?? 'no reason given'}; outbox paused`)
    if (!opts.reconnect) return
    // A gateway that is still connected logs the account in again or shows a QR code by
    // itself; restarting its puppet would only get in the way. Other puppets are restarted.
    if (opts.link && state.phase === 'connected') {
      state.sawScan = false
      return loop.awaitLogin()
    }
    loop.lost(`微信已登出（${reason ?? '未说明原因'}）`)
  })
  // The mock puppet emits spurious errors on room joins; real puppets report network trouble
  // here, and a failed start only shows up here (Wechaty's start() swallows it).
  bot.on('error', err => {
    log.debug(`puppet error: ${err.message}`)
    if (state.errors.length < 20) state.errors.push(err.message)
  })

  return {
    async start () {
      state.errors = []
      await bot.start()
      if (opts.reconnect) loop.afterStart(bot.puppet.state.active() === true)
    },
    check () {
      if (state.phase !== 'connected') return // a reconnect is under way; the login resumes the outbox
      if (!opts.link) return loop.resumeSoon()
      pingLink(opts.link, t.pingTimeoutMs, loop.resumeSoon, loop.lost)
    },
    stopping () {
      state.phase = 'stopped'
      loop.clear()
    }
  }
}
