import type { MessageInterface } from 'wechaty/impls'
import type { App, Feature, MessageContext } from '../app/types.js'
import type { CommandRouter } from './command-router.js'
import { createContext } from './message-context.js'
import { readMessage } from './read-message.js'
import type { SeenMessages } from './seen-messages.js'
import type { Sessions } from './sessions.js'

export interface Dispatcher {
  app: App
  router: CommandRouter
  features: Feature[]
  sessions: Sessions
  seen: SeenMessages
  startedAt: Date
}

const APOLOGY = '抱歉，处理您的消息时出了点问题，已记录下来。请稍后再试，或直接联系业委会。'
const TEXT_ONLY = '抱歉，我目前只能读懂文字消息，请用文字描述您的问题。发送 /帮助 查看我能做什么。'

/**
 * The dispatch boundary: commands first, then each feature in registration order. An error
 * in any handler is caught here, logged with the message id, and the person gets an apology.
 */
export async function dispatchMessage (msg: MessageInterface, d: Dispatcher): Promise<void> {
  const { app } = d
  let ctx: MessageContext | undefined
  try {
    const reading = await readMessage(msg, app.options.botName, d.startedAt, d.seen)
    if (reading.kind === 'drop') {
      app.log.debug(`message ${msg.id} dropped: ${reading.reason}`)
      return
    }
    ctx = createContext(app, d.sessions, reading.message)
    if (reading.kind === 'nontext') return await ctx.reply(TEXT_ONLY)
    if (reading.kind === 'file') {
      const file = await reading.load()
      for (const f of d.features) if (await f.handleFile?.(ctx, file)) return
      return await ctx.reply(`收到文件「${file.name}」，但我不知道如何处理它。财务可私聊发送公示用的 .xlsx 或 .csv 账目表。`)
    }
    if (await d.router.handle(ctx)) return
    for (const f of d.features) if (await f.handle?.(ctx)) return
  } catch (err) {
    app.log.error(`handling message ${msg.id} failed`, err)
    await ctx?.reply(APOLOGY).catch(e => app.log.error('apology failed', e))
  }
}
