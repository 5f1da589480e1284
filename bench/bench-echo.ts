import { WechatyBuilder } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { MockWorld } from '../src/sandbox/mock-world.js'
import { CHATTER, timeReplies } from './time-replies.js'

/** A bare echo bot on the same mock puppet and world: the floor for any Wechaty bot. */
export async function benchEcho (): Promise<Record<string, unknown>> {
  const mocker = new mock.Mocker()
  const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
  bot.on('message', async msg => {
    if (msg.self()) return
    await msg.say(msg.text())
  })
  const world = new MockWorld(mocker, () => new Date())
  world.populate()
  await bot.start()
  world.login()
  const echo_message_ms = await timeReplies(mocker, world)
  // The echo bot answers chatter too: its cost per message is the floor for ours.
  const echo_chatter_ms = await timeReplies(mocker, world, { lines: CHATTER, mention: false })
  await bot.stop()
  return { echo_message_ms, echo_chatter_ms }
}
