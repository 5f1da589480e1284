import readline from 'node:readline'
import { log as wechatyLog, WechatyBuilder } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { BOT, PEOPLE, ROOMS } from '../src/sandbox/demo-world.js'
import { formatBlock } from '../src/sandbox/format-block.js'
import { MockWorld } from '../src/sandbox/mock-world.js'

// The floor for `bench-production`: a bare echo bot with the sandbox's stdin/stdout protocol
// (lines in, `[群] 小区助手: …` out) on the same mock puppet and demo world, compiled to
// JavaScript and run with plain node exactly like dist/main.js. `:` lines are ignored, except
// that an unknown `:as` name is reported on stderr as the sandbox does (the bench's end marker).
wechatyLog.level('silent')
const mocker = new mock.Mocker()
const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
bot.on('message', async msg => {
  if (!msg.self()) await msg.say(msg.text())
})
const world = new MockWorld(mocker, () => new Date())
world.onBotMessage(m => process.stdout.write(formatBlock(m, BOT.name, false) + '\n'))
world.populate()
await bot.start()
world.login()
const speaker = PEOPLE[0]!.id
for await (const raw of readline.createInterface({ input: process.stdin, terminal: false })) {
  const line = raw.trim()
  if (line === ':quit') break
  if (line.startsWith(':as ') && !PEOPLE.some(p => p.name === line.slice(4))) process.stderr.write(`沙盒里没有「${line.slice(4)}」\n`)
  if (line === '' || line.startsWith(':')) continue
  world.say(speaker, { roomId: ROOMS[0]!.id }, line, line.includes(`@${BOT.name}`) ? [BOT.id] : [])
}
await bot.stop()
process.exit(0)
