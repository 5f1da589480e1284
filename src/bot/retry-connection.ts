import type { WechatyInterface } from 'wechaty/impls'
import type { Logger } from '../log/logger.js'
import { describeGatewayFailure, firstLine } from './diagnose-gateway.js'
import { hostPort, portOpen, puppetRestarter } from './restart-puppet.js'
import type { ConnectionOptions, ConnectionTimings, Pausable } from './watch-connection.js'
import { watchLink } from './watch-link.js'

type Phase = 'starting' | 'awaiting-login' | 'connected' | 'waiting' | 'stopped'

/** What Wechaty's events and the connection's API read and set. */
interface ConnectionState {
  phase: Phase
  attempt: number
  ownStops: number
  sawScan: boolean
  errors: string[]
}

/**
 * The phases behind watchConnection and the moves between them. Wechaty's events and the
 * connection's API drive it; the timers and the watch on the gateway link are its own.
 */
export function connectionLoop (bot: WechatyInterface, outbox: Pausable, log: Logger, opts: ConnectionOptions, t: ConnectionTimings) {
  const at = opts.gateway ? hostPort(opts.gateway.endpoint) : undefined
  const settings = opts.gateway ?? { endpoint: '?', tls: false }
  const state: ConnectionState = { phase: 'starting', attempt: 0, ownStops: 0, sawScan: false, errors: [] }
  let timer: NodeJS.Timeout | undefined
  let unwatch: (() => void) | undefined
  let restart: (() => Promise<void>) | undefined

  return { state, scanned, resumeSoon, connected, afterStart, awaitLogin, lost, clear }

  function scanned (): void {
    state.sawScan = true
    if (state.phase === 'awaiting-login') clearTimeout(timer) // the gateway is up and waiting for a person: no retry
  }

  function resumeSoon (): void {
    clearTimeout(timer)
    timer = setTimeout(() => { if (state.phase === 'connected' && bot.isLoggedIn) outbox.resume() }, t.firstRetryMs * 2)
  }

  function connected (): void {
    clear()
    state.phase = 'connected'
    state.attempt = 0
    outbox.resume()
    keepWatch()
  }

  function keepWatch (): void {
    if (!opts.link || !opts.reconnect || unwatch) return
    unwatch = watchLink(opts.link, t.pingEveryMs, t.pingTimeoutMs, lost)
  }

  function afterStart (ok: boolean): void {
    if (state.phase === 'stopped' || state.phase === 'connected') return
    if (!ok) return retry(`连接微信网关失败：${describeGatewayFailure(state.errors, settings)}`, true)
    awaitLogin()
  }

  function awaitLogin (): void {
    clearTimeout(timer)
    state.phase = 'awaiting-login'
    keepWatch()
    timer = setTimeout(() => {
      if (!bot.isLoggedIn && !state.sawScan) retry('已连上网关，但 ' + Math.round(t.loginWithinMs / 1000) + ' 秒内没有登录，也没有登录二维码', true)
    }, t.loginWithinMs)
  }

  function lost (why: string): void {
    if (state.phase !== 'connected' && state.phase !== 'awaiting-login') return
    retry(why, false)
    // Stopped now, the puppet's own watchdog sleeps instead of resetting it behind our back
    // during a long outage, and Wechaty knows it is logged out.
    if (opts.link) void ownStop(async () => await bot.puppet.stop())
  }

  async function ownStop (f: () => Promise<void>): Promise<void> {
    state.ownStops++
    try {
      await f()
    } finally {
      state.ownStops--
    }
  }

  function retry (why: string, failedAttempt: boolean): void {
    clear()
    outbox.pause()
    state.phase = 'waiting'
    const delay = failedAttempt ? Math.min(t.firstRetryMs * 2 ** state.attempt, t.maxRetryMs) : 0
    state.attempt++
    log.warn(`${why}；${delay > 0 ? `${+(delay / 1000).toFixed(1)} 秒后` : '立即'}重连（第 ${state.attempt} 次）`)
    const deadline = Date.now() + delay
    // While the gateway's port is closed nothing else is tried; it is looked at twice a
    // second, so a restarted gateway is met at once whatever the backoff has grown to.
    let sawClosed = false
    const tick = async (): Promise<void> => {
      const open = at ? await portOpen(at) : true
      if (state.phase !== 'waiting') return
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
    state.phase = 'starting'
    state.errors = []
    state.sawScan = false
    restart ??= puppetRestarter(bot.puppet as any)
    let ok = true
    await ownStop(restart).catch(err => {
      ok = false
      state.errors.push(firstLine(err))
    })
    if ((state.phase as Phase) === 'stopped') return void bot.puppet.stop().catch(() => {}) // stopped meanwhile
    if (bot.isLoggedIn && state.phase === 'starting') connected()
    afterStart(ok)
  }

  function clear (): void {
    clearTimeout(timer)
    unwatch?.()
    timer = unwatch = undefined
  }
}
