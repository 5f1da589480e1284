import type { App, MessageContext } from '../../app/types.js'
import type { QuestionStore } from './question-store.js'

/**
 * The bot does not know: say so, open a numbered question and tell the committee where it
 * is configured to hear (its target; else its members privately).
 */
export async function handOff (app: App, ctx: MessageContext, store: QuestionStore, text: string): Promise<void> {
  const q = store.add({
    text,
    askerId: ctx.talker.id,
    askerName: ctx.talker.name,
    roomId: ctx.room?.id ?? null,
    askedAt: app.clock.now().toISOString()
  })
  const where = ctx.room ? `（${ctx.room.topic}）` : '（私聊）'
  const card = `【待答复 Q${q.number}】${ctx.talker.name}${where}问：${text}\n答复请发：/答复 Q${q.number} 答复内容`
  const told = await tellCommittee(app, card)
  if (!told) app.log.warn(`问题 Q${q.number} 无法通知业委会：compound YAML 未配置 committee 的 target，也没有业委会委员`)
  await ctx.reply(`这个问题我暂时答不上来，已转给业委会（编号 Q${q.number}），有答复后会告诉您。`)
}

/** To the committee's target; else to its members privately. False when there is nobody to tell. */
export async function tellCommittee (app: App, text: string): Promise<boolean> {
  const target = await app.directory.bodyTarget('committee')
  if (target?.kind === 'room') {
    await app.outbox.toRoom({ roomId: target.roomId, text })
    return true
  }
  if (target?.kind === 'contact') {
    await app.outbox.toContact({ contactId: target.contactId, text })
    return true
  }
  const members = [...new Set([...app.roles.membersOf('committee'), ...app.roles.membersOf('chair')])]
  for (const contactId of members) await app.outbox.toContact({ contactId, text })
  return members.length > 0
}
