import QRCode from 'qrcode'
import type { WechatyInterface } from 'wechaty/impls'
import type { Logger } from '../log/logger.js'
import { describeGatewayFailure, type GatewaySettings } from './diagnose-gateway.js'
import type { GatewayLink } from './gateway-link.js'
import { hostPort, portOpen, puppetRestarter } from './restart-puppet.js'

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

interface Pausable { pause (): void, resume (): void }

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

type Phase = 'starting' | 'awaiting-login' | 'connected' | 'waiting' | 'stopped'

/**
 * Keeps the bot connected: login resumes the outbox, anything else pauses it. A start that
 * fails, or brings neither a login nor a QR code in time, is retried with backoff forever,
 * each try logged at warn with the cause and the fix in Chinese. A dropped event stream or
 * an unanswered ping triggers a reconnect at once, and a closed gateway port is watched so
 * the bot is back within a second of the gateway.
 */
export function watchConnection (bot: WechatyInterface, outbox: Pausable, log: Logger, opts: ConnectionOptions): Connection {
  const t = { ...DEFAULT_TIMINGS, ...opts.timings }
  const at = opts.gateway ? hostPort(opts.gateway.endpoint) : undefined
  const settings = opts.gateway ?? { endpoint: '?', tls: false }
  let phase: Phase = 'starting'
  let started = false
  let attempt = 0
  let ownStops = 0
  let sawScan = false
  let errors: string[] = []
  let timer: NodeJS.Timeout | undefined
  let pinger: NodeJS.Timeout | undefined
  let unsubscribe: (() => void) | undefined
  let restart: (() => Promise<void>) | undefined

  bot.on('scan', (qrcode, status) => {
    sawScan = true
    if (phase === 'awaiting-login') clearTimeout(timer) // the gateway is up and waiting for a person: no retry
    log.info(`请用机器人的微信扫码登录 (status ${status}):`)
    QRCode.toString(qrcode, { type: 'terminal', small: true }).then(s => process.stderr.write(s + '\n'), () => {})
  })
  bot.on('login', user => {
    log.info(`logged in as ${user.name()} (${user.id})`)
    if (attempt > 0) log.warn(`已重新连上微信网关（重试 ${attempt} 次后）`)
    connected()
    if (!started) {
      started = true
      opts.onLogin().catch(err => log.error('feature start failed', err))
    }
  })
  bot.on('logout', (user, reason) => {
    outbox.pause()
    if (phase === 'stopped' || ownStops > 0) return
    log.warn(`logged out (${user.id}): ${reason ?? 'no reason given'}; outbox paused`)
    if (!opts.reconnect) return
    // A gateway that is still connected logs the account in again or shows a QR code by
    // itself; restarting its puppet would only get in the way. Other puppets are restarted.
    if (opts.link && phase === 'connected') {
      sawScan = false
      return awaitLogin()
    }
    lost(`微信已登出（${reason ?? '未说明原因'}）`)
  })
  // The mock puppet emits spurious errors on room joins; real puppets report network trouble
  // here, and a failed start only shows up here (Wechaty's start() swallows it).
  bot.on('error', err => {
    log.debug(`puppet error: ${err.message}`)
    if (errors.length < 20) errors.push(err.message)
  })

  return {
    async start () {
      errors = []
      await bot.start()
      if (opts.reconnect) afterStart(bot.puppet.state.active() === true)
    },
    check () {
      if (phase !== 'connected') return // a reconnect is under way; the login resumes the outbox
      const resumeSoon = () => {
        clearTimeout(timer)
        timer = setTimeout(() => { if (phase === 'connected' && bot.isLoggedIn) outbox.resume() }, t.firstRetryMs * 2)
      }
      if (!opts.link) return resumeSoon()
      opts.link.ping(t.pingTimeoutMs).then(resumeSoon, err => lost(`网关无响应（${firstLine(err)}）`))
    },
    stopping () {
      phase = 'stopped'
      clear()
    }
  }

  function connected (): void {
    clear()
    phase = 'connected'
    attempt = 0
    outbox.resume()
    watchLink()
  }

  /** From a good start on: a dropped event stream or an unanswered ping means reconnect. */
  function watchLink (): void {
    if (!opts.link || !opts.reconnect || unsubscribe) return
    const link = opts.link
    try {
      unsubscribe = link.onStreamLost(why => lost(`与微信网关的连接断开（${why.split('\n')[0]}）`))
    } catch (err) {
      return lost(`微信网关的事件流不可用（${firstLine(err)}）`)
    }
    pinger = setInterval(() => {
      link.ping(t.pingTimeoutMs).then(() => link.feedWatchdog(), err => lost(`网关无响应（${firstLine(err)}）`))
    }, t.pingEveryMs)
  }

  function afterStart (ok: boolean): void {
    if (phase === 'stopped' || phase === 'connected') return
    if (!ok) return retry(`连接微信网关失败：${describeGatewayFailure(errors, settings)}`, true)
    awaitLogin()
  }

  function awaitLogin (): void {
    clearTimeout(timer)
    phase = 'awaiting-login'
    watchLink()
    timer = setTimeout(() => {
      if (!bot.isLoggedIn && !sawScan) retry('已连上网关，但 ' + Math.round(t.loginWithinMs / 1000) + ' 秒内没有登录，也没有登录二维码', true)
    }, t.loginWithinMs)
  }

  function lost (why: string): void {
    if (phase !== 'connected' && phase !== 'awaiting-login') return
    retry(why, false)
    // Stopped now, the puppet's own watchdog sleeps instead of resetting it behind our back
    // during a long outage, and Wechaty knows it is logged out.
    if (opts.link) void ownStop(async () => await bot.puppet.stop())
  }

  async function ownStop (f: () => Promise<void>): Promise<void> {
    ownStops++
    try {
      await f()
    } finally {
      ownStops--
    }
  }

  function retry (why: string, failedAttempt: boolean): void {
    clear()
    outbox.pause()
    phase = 'waiting'
    const delay = failedAttempt ? Math.min(t.firstRetryMs * 2 ** attempt, t.maxRetryMs) : 0
    attempt++
    log.warn(`${why}；${delay > 0 ? `${+(delay / 1000).toFixed(1)} 秒后` : '立即'}重连（第 ${attempt} 次）`)
    const deadline = Date.now() + delay
    // While the gateway's port is closed nothing else is tried; it is looked at twice a
    // second, so a restarted gateway is met at once whatever the backoff has grown to.
    let sawClosed = false
    const tick = async (): Promise<void> => {
      const open = at ? await portOpen(at) : true
      if (phase !== 'waiting') return
      if (!open) {
        sawClosed = true
        if (Date.now() >= deadline) return retry(`连接微信网关失败：${describeGatewayFailure([`connect ECONNREFUSED ${settings.endpoint}`], settings)}`, true)
        timer = setTimeout(() => void tick(), t.portPollMs)
        return
      }
      if (sawClosed || Date.now() >= deadline) return void attemptNow()
      timer = setTimeout(() => void tick(), deadline - Date.now())
    }
    timer = setTimeout(() => void tick(), 0)
  }

  async function attemptNow (): Promise<void> {
    phase = 'starting'
    errors = []
    sawScan = false
    restart ??= puppetRestarter(bot.puppet as any)
    let ok = true
    await ownStop(restart).catch(err => {
      ok = false
      errors.push(firstLine(err))
    })
    if ((phase as Phase) === 'stopped') return void bot.puppet.stop().catch(() => {}) // stopped meanwhile
    if (bot.isLoggedIn && phase === 'starting') connected()
    afterStart(ok)
  }

  function clear (): void {
    clearTimeout(timer)
    clearInterval(pinger)
    unsubscribe?.()
    timer = pinger = unsubscribe = undefined
  }
}

function firstLine (err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!
}
