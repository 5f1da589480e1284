import { EventEmitter } from 'node:events'
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { hostPort, portOpen, puppetRestarter } from '../../src/bot/restart-puppet.js'

describe('puppetRestarter', () => {
  it('removes what each start added at the next restart, so retrying forever does not pile up listeners', async () => {
    // Like wechaty-puppet: every start adds listeners that stop leaves behind.
    const emitter = new EventEmitter()
    const puppet = Object.assign(emitter, {
      async start () { emitter.on('login', () => {}); emitter.on('logout', () => {}); emitter.on('heartbeat', () => {}) },
      async stop () {}
    })
    const wechatys = () => {}
    puppet.on('login', wechatys) // registered once, before any restart: never touched
    const restart = puppetRestarter(puppet)
    for (let i = 0; i < 50; i++) await restart()
    expect([puppet.listenerCount('login'), puppet.listenerCount('logout'), puppet.listenerCount('heartbeat')]).toEqual([2, 1, 1])
    expect(puppet.listeners('login')[0]).toBe(wechatys)
  })

  it('reads host and port from an endpoint and sees whether the port is open', async () => {
    expect(hostPort('127.0.0.1:8788')).toEqual({ host: '127.0.0.1', port: 8788 })
    expect(hostPort('dns:///gateway.local:8788')).toEqual({ host: 'gateway.local', port: 8788 })
    expect(hostPort('[::1]:8788')).toEqual({ host: '::1', port: 8788 })
    expect(hostPort('gateway')).toBeUndefined()
    const server = net.createServer()
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    expect(await portOpen({ host: '127.0.0.1', port })).toBe(true)
    await new Promise(resolve => server.close(resolve))
    expect(await portOpen({ host: '127.0.0.1', port })).toBe(false)
  })
})
