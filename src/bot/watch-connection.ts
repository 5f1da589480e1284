import QRCode from 'qrcode'
import type { WechatyInterface } from 'wechaty/impls'
import type { Logger } from '../log/logger.js'
import type { ThrottledOutbox } from '../outbox/outbox.js'

const MAX_BACKOFF_MS = 5 * 60_000

/**
 * Login resumes the outbox; logout pauses it and (on real puppets) restarts the puppet with
 * exponential backoff until it logs in again. Puppet errors are logged, never fatal.
 */
export function watchConnection (bot: WechatyInterface, outbox: ThrottledOutbox, log: Logger,
  opts: { reconnect: boolean, onLogin: () => Promise<void> }): { stopping: () => void } {
  let started = false
  let attempt = 0
  let timer: NodeJS.Timeout | undefined
  let stopping = false

  bot.on('scan', (qrcode, status) => {
    log.info(`请用机器人的微信扫码登录 (status ${status}):`)
    QRCode.toString(qrcode, { type: 'terminal', small: true }).then(s => process.stderr.write(s + '\n'), () => {})
  })
  bot.on('login', user => {
    log.info(`logged in as ${user.name()} (${user.id})`)
    attempt = 0
    if (timer) clearTimeout(timer)
    outbox.resume()
    if (!started) {
      started = true
      opts.onLogin().catch(err => log.error('feature start failed', err))
    }
  })
  bot.on('logout', (user, reason) => {
    outbox.pause()
    if (stopping) return
    log.warn(`logged out (${user.id}): ${reason ?? 'no reason given'}; outbox paused`)
    if (opts.reconnect) scheduleReconnect()
  })
  // The mock puppet emits spurious errors on room joins; real puppets report network trouble here.
  bot.on('error', err => log.debug(`puppet error: ${err.message}`))

  return { stopping: () => { stopping = true } }

  function scheduleReconnect (): void {
    const delay = Math.min(1000 * 2 ** attempt++, MAX_BACKOFF_MS)
    log.info(`reconnecting in ${Math.round(delay / 1000)} s`)
    timer = setTimeout(() => {
      if (bot.isLoggedIn) return
      bot.stop().then(async () => await bot.start()).catch(err => {
        log.error('reconnect failed', err)
        scheduleReconnect()
      })
    }, delay)
    timer.unref()
  }
}
