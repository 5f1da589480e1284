import type { mock } from 'wechaty-puppet-mock'
import { BOT, ROOMS } from '../src/sandbox/demo-world.js'
import type { MockWorld } from '../src/sandbox/mock-world.js'
import { summarize, time } from './stats.js'

// The one load both bots get, so the ratio compares like with like. Light on purpose: it
// imports no code of ours beyond the demo world, so the echo bot's memory stays its own.
const N = 300
const WARM_UP = 20
const ROOM = ROOMS[0]!.id
const LINES = ['@小区助手 你好', '/帮助', '@小区助手 维修资金怎么申请?', '@小区助手 谢谢']

/**
 * Time from a message arriving to the bot's first reply reaching the puppet, over N messages
 * after a warm-up; `between` runs outside the timing (letting the bot finish its bookkeeping).
 */
export async function timeReplies (mocker: mock.Mocker, world: MockWorld, between: () => Promise<void> = async () => {}) {
  let replied: (() => void) | undefined
  mocker.puppet.on('message', ({ messageId }) => {
    if ((mocker.messagePayload(messageId) as { talkerId?: string }).talkerId === BOT.id) replied?.()
  })
  const samples: number[] = []
  for (let i = 0; i < N + WARM_UP; i++) {
    const ms = await time(async () => {
      const done = new Promise<void>(resolve => { replied = resolve })
      world.say('wxid_zhang_ayi', { roomId: ROOM }, LINES[i % LINES.length]!, [BOT.id])
      await done
    })
    await between()
    if (i >= WARM_UP) samples.push(ms)
  }
  return summarize(samples)
}
