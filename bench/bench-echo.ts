import { WechatyBuilder } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { BOT, ROOMS } from '../src/sandbox/demo-world.js'
import { MockWorld } from '../src/sandbox/mock-world.js'
import { summarize, time } from './stats.js'

// The same load as bench-message-handling.ts, kept in its own module so that measuring the
// echo bot loads none of our code.
const N = 300
const ROOM = ROOMS[0]!.id
const LINES = ['@小区助手 你好', '/帮助', '@小区助手 维修资金怎么申请?', '@小区助手 谢谢']

export async function benchEcho (): Promise<Record<string, unknown>> {
  return { echo_message_ms: await measureEcho() }
}

/** A bare echo bot on the same mock puppet and world: the floor for any Wechaty bot. */
async function measureEcho () {
  const mocker = new mock.Mocker()
  const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
  let replied: (() => void) | undefined
  bot.on('message', async msg => {
    if (msg.self()) return
    await msg.say(msg.text())
  })
  mocker.puppet.on('message', ({ messageId }) => {
    if ((mocker.messagePayload(messageId) as { talkerId?: string }).talkerId === BOT.id) replied?.()
  })
  const world = new MockWorld(mocker, () => new Date())
  world.populate()
  await bot.start()
  world.login()
  const samples: number[] = []
  for (let i = 0; i < N + 20; i++) {
    const ms = await time(async () => {
      const done = new Promise<void>(resolve => { replied = resolve })
      world.say('wxid_zhang_ayi', { roomId: ROOM }, LINES[i % LINES.length]!, [BOT.id])
      await done
    })
    if (i >= 20) samples.push(ms)
  }
  await bot.stop()
  return summarize(samples)
}
