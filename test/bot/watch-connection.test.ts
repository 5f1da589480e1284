import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { watchConnection } from '../../src/bot/watch-connection.js'
import { createLogger } from '../../src/log/logger.js'

/** Just enough of a Wechaty: events, login state, stop and start. */
function fakeBot () {
  const bot = Object.assign(new EventEmitter(), {
    isLoggedIn: false,
    starts: 0,
    stops: 0,
    async stop () { this.stops++ },
    async start () { this.starts++ }
  })
  return bot
}

const user = { id: 'wxid_bot', name: () => '小区助手' }

afterEach(() => { vi.useRealTimers() })

describe('watchConnection', () => {
  it('pauses the outbox on logout and restarts the puppet with growing backoff until login', async () => {
    vi.useFakeTimers()
    const bot = fakeBot()
    const outbox = { paused: true, pause () { this.paused = true }, resume () { this.paused = false } }
    const lines: string[] = []
    let started = 0
    watchConnection(bot as any, outbox as any, createLogger('info', l => lines.push(l)), { reconnect: true, onLogin: async () => { started++ } })

    bot.emit('login', user)
    expect(outbox.paused).toBe(false)
    bot.emit('logout', user, '掉线')
    expect(outbox.paused).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(bot.starts).toBe(1)
    bot.emit('logout', user, '又掉线')
    await vi.advanceTimersByTimeAsync(1000)
    expect(bot.starts).toBe(1) // the second try waits 2 s
    await vi.advanceTimersByTimeAsync(1000)
    expect(bot.starts).toBe(2)

    bot.isLoggedIn = true
    bot.emit('login', user)
    expect(outbox.paused).toBe(false)
    expect(started).toBe(1) // features start once, not on every reconnect
    expect(lines.some(l => l.includes('WARN logged out'))).toBe(true)
  })

  it('logs puppet errors without throwing', () => {
    const bot = fakeBot()
    const lines: string[] = []
    watchConnection(bot as any, { pause () {}, resume () {} } as any, createLogger('debug', l => lines.push(l)), { reconnect: false, onLogin: async () => {} })
    expect(() => bot.emit('error', new Error('grpc unavailable'))).not.toThrow()
    expect(lines.some(l => l.includes('grpc unavailable'))).toBe(true)
  })
})
