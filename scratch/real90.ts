import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort, Gateway, TOKEN, sleep, until } from '../test/gateway/gateway-harness.js'

const DOWN = Number(process.env.DOWN ?? 90_000)
const port = await freePort()
const g = new Gateway(port)
await g.start()
const dir = mkdtempSync(path.join(tmpdir(), 'real90-'))
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: { ...process.env, WECHATY_PUPPET_SERVICE_TOKEN: TOKEN, WECHATY_PUPPET_SERVICE_ENDPOINT: g.endpoint, STORAGE_DIR: dir, HOME: path.join(dir, 'home') },
  stdio: ['ignore', 'inherit', 'pipe']
})
let err = ''
child.stderr.on('data', d => { err += d; process.stdout.write('BOT| ' + d) })
await until('login', () => err.includes('logged in'), 60_000)
await sleep(3000)
g.say('wxid_zhang_ayi', '/帮助')
await until('reply 1', () => g.sent.length > 0, 30_000)
console.log('T reply 1 ok; killing for', DOWN)
await g.kill()
await sleep(DOWN)
await g.start()
console.log('T gateway back')
const n = g.sent.length
const t0 = Date.now()
await sleep(2000)
g.say('wxid_li_xiansheng', '/帮助')
await until('reply after outage', () => g.sent.length > n, 60_000).catch(e => console.log('FAIL', e.message))
console.log('T reply after outage, ms since gateway back:', Date.now() - t0)
await sleep(70_000) // idle past the 60 s watchdog: no flapping expected
console.log('T idle done')
child.kill('SIGTERM')
await sleep(3000)
process.exit(0)
