import type { mock } from 'wechaty-puppet-mock'
import { BOT, ROOMS } from '../src/sandbox/demo-world.js'
import type { MockWorld } from '../src/sandbox/mock-world.js'
import { summarize, time } from './stats.js'

// The one load both bots get, so the ratio compares like with like. Light on purpose: it
// imports no code of ours beyond the demo world, so the echo bot's memory stays its own.
const N = 300
export const WARM_UP = 20
const ROOM = ROOMS[0]!.id
export const LINES = ['@小区助手 你好', '/帮助', '@小区助手 维修资金怎么申请?', '@小区助手 谢谢']
/** Group chatter: not for the bot (no mention, no command, no trigger word). */
export const CHATTER = ['今天天气不错', '楼下的桂花开了', '晚上一起去跳广场舞吗', '快递放门卫了，谢谢']

export interface TimeOptions {
  /** runs outside the timing (letting the bot finish its bookkeeping) */
  between?: () => Promise<void>
  lines?: string[]
  /** resolves when the message counts as done; default: the bot's first reply */
  done?: (messageId: string) => Promise<void>
  n?: number
  /** whether each line @-mentions the bot (default true) */
  mention?: boolean
  /** who says line i: speakers[i % length] (default 张阿姨) */
  speakers?: string[]
}

/**
 * Time from a message arriving to the bot's first reply reaching the puppet (or to `done`),
 * over N messages after a warm-up.
 */
export async function timeReplies (mocker: mock.Mocker, world: MockWorld, options: TimeOptions = {}) {
  const { between = async () => {}, lines = LINES, n = N } = options
  let replied: (() => void) | undefined
  mocker.puppet.on('message', ({ messageId }) => {
    if ((mocker.messagePayload(messageId) as { talkerId?: string }).talkerId === BOT.id) replied?.()
  })
  const samples: number[] = []
  for (let i = 0; i < n + WARM_UP; i++) {
    const line = lines[i % lines.length]!.replaceAll('{i}', String(i + 1))
    const ms = await time(async () => {
      const reply = new Promise<void>(resolve => { replied = resolve })
      const speaker = options.speakers?.[i % options.speakers.length] ?? 'wxid_zhang_ayi'
      const { id } = world.say(speaker, { roomId: ROOM }, line, options.mention === false ? [] : [BOT.id])
      await (options.done ? options.done(id) : reply)
    })
    await between()
    if (i >= WARM_UP) samples.push(ms)
  }
  return summarize(samples)
}
