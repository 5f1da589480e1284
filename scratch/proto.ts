import { PuppetServer, PuppetService } from 'wechaty-puppet-service'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { WechatyBuilder } from 'wechaty'
import { MockWorld } from '../src/sandbox/mock-world.js'

const t0 = Date.now()
const L = (...a: any[]) => console.log(((Date.now() - t0) / 1000).toFixed(1), ...a)
const mocker = new mock.Mocker()
const gwPuppet = new PuppetMock({ mocker })
const world = new MockWorld(mocker, () => new Date())
world.populate()
const endpoint = '127.0.0.1:18788'
const token = process.env.SRV_TOKEN ?? 'insecure_test'
const serverTls = process.env.SRV_TLS === '1'
let server = new PuppetServer({ endpoint, puppet: gwPuppet, token, tls: { disable: !serverTls } })
if (!process.env.NOSERVER) await server.start()
L('server up')
const puppet = new PuppetService({ token: process.env.CLI_TOKEN ?? token, endpoint, tls: { disable: process.env.CLI_TLS !== '1', serverName: process.env.SNI } })
const bot = WechatyBuilder.build({ name: 'x', puppet })
for (const ev of ['login', 'logout', 'scan', 'error', 'heartbeat', 'ready'] as const) bot.on(ev as any, (a: any) => L('bot', ev, String(a?.message ?? a?.id ?? a?.data ?? a).slice(0, 300)))
gwPuppet.on('start', () => { L('gw puppet start'); setTimeout(() => world.login(), 10) })
await bot.start()
L('bot.start resolved, loggedIn', bot.isLoggedIn)
await new Promise(r => setTimeout(r, 3000))
if (process.env.KILL) {
  await server.stop(); L('server stopped')
  await new Promise(r => setTimeout(r, 4000))
  server = new PuppetServer({ endpoint, puppet: gwPuppet, token, tls: { disable: true } })
  await server.start(); L('server restarted')
  await new Promise(r => setTimeout(r, 4000))
  try { const c = await bot.Contact.find({ id: 'wxid_zhang_ayi' }); await c!.say('hi'); L('say ok') } catch (e) { L('say failed', (e as Error).message) }
}
process.exit(0)
