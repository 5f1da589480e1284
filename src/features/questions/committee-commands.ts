import type { App, Command } from '../../app/types.js'
import { formatShanghai } from '../../clock/shanghai-time.js'
import { appendFaq, FaqError } from '../../knowledge/append-faq.js'
import type { QuestionsDeps } from './questions-feature.js'
import { parseQuestionNumber } from './question-store.js'
import { toSimplified } from '../../text/to-simplified.js'

const LIST_MAX = 20
/** `/答复 Q12 答复内容` → 答复内容 (also ＃答復 Ｑ12 …) */
const AFTER_NUMBER = /^\s*[/#／＃]\S+\s+[qQＱｑ]?[0-9０-９]+\s*([\s\S]*)$/

/** /答复, /收录, /问题: the committee's side of the hand-off. */
export function committeeCommands (app: App, deps: () => Promise<QuestionsDeps>): Command[] {
  // Numbers being collected right now: two /收录 Q1 at once must not both append to the FAQ.
  const collecting = new Set<number>()
  return [{
    names: ['答复'],
    roles: ['committee'],
    summary: '答复转来的问题，机器人转告提问人',
    example: '/答复 Q12 快递柜月底前装好',
    audited: true,
    async run (ctx, { args, rest }) {
      const { store } = await deps()
      const number = parseQuestionNumber(args[0])
      const answer = toSimplified(AFTER_NUMBER.exec(ctx.original)?.[1] ?? rest.replace(/^\S+\s*/, ''))
      if (number === undefined || answer === '') return await ctx.reply('格式：/答复 Q编号 答复内容，例如 /答复 Q12 快递柜月底前装好')
      const q = store.get(number)
      if (!q) return await ctx.reply(`没有找到问题 Q${number}，发送 /问题 查看待答复的问题。`)
      store.update(number, { status: q.status === 'collected' ? 'collected' : 'answered', answer, answeredBy: ctx.talker.id, answeredAt: app.clock.now().toISOString() })
      const more = `以后想让我直接回答类似问题，请发送 /收录 Q${number}`
      // Asked privately by someone who is no longer a friend of the bot: no way to reach them.
      if (q.roomId === null && !await app.directory.isFriend(q.askerId)) {
        return await ctx.reply(`答复已记录（Q${number}），但提问人已不是机器人的好友，无法转告，请另行告知。${more}`)
      }
      // The question was asked openly, so the answer may go to the group when a private message cannot.
      const text = `您问的“${q.text}”（Q${number}），业委会答复：${answer}`
      await app.outbox.toContact({ contactId: q.askerId, text, fallbackRoomId: q.roomId ?? undefined, fallbackText: text })
      await ctx.reply(`已转告提问人（Q${number}）。${more}`)
    }
  }, {
    names: ['收录'],
    roles: ['committee'],
    summary: '把已答复的问题收入常见问答，以后直接回答',
    example: '/收录 Q12',
    audited: true,
    async run (ctx, { args }) {
      const { store, kb, faqFile } = await deps()
      const number = parseQuestionNumber(args[0])
      if (number === undefined) return await ctx.reply('格式：/收录 Q编号，例如 /收录 Q12')
      const q = store.get(number)
      if (!q) return await ctx.reply(`没有找到问题 Q${number}。`)
      if (q.status === 'collected') return await ctx.reply(`Q${number} 已经收录过了。`)
      if (!q.answer) return await ctx.reply(`Q${number} 还没有答复，请先发送 /答复 Q${number} 答复内容`)
      if (collecting.has(number)) return await ctx.reply(`Q${number} 正在收录，请稍候。`)
      collecting.add(number)
      let problems
      try {
        await appendFaq(faqFile, { number, question: q.text, answer: q.answer, date: formatShanghai(app.clock.now()).slice(0, 10) })
        store.update(number, { status: 'collected' })
        problems = await kb.reload()
      } catch (err) {
        if (err instanceof FaqError) return await ctx.reply(err.message)
        throw err
      } finally {
        collecting.delete(number)
      }
      for (const p of problems) app.log.warn(`办事指南未能读取 ${p.path}：${p.message}`)
      const note = problems.length > 0 ? `（另有 ${problems.length} 个办事指南文件有错误未能读取，请检查日志。）` : ''
      await ctx.reply(`已收录 Q${number}，以后有人问类似问题，我会直接回答。${note}`)
    }
  }, {
    names: ['问题'],
    roles: ['committee'],
    summary: '查看转给业委会、还没答复的问题',
    example: '/问题',
    async run (ctx) {
      const open = (await deps()).store.open()
      if (open.length === 0) return await ctx.reply('目前没有待答复的问题。')
      // No asker names: the list may be asked for in a group.
      const lines = open.slice(0, LIST_MAX).map(q => `Q${q.number}（${formatShanghai(new Date(q.askedAt)).slice(5)}）${[...q.text].slice(0, 40).join('')}`)
      const more = open.length > LIST_MAX ? `\n……另有 ${open.length - LIST_MAX} 个` : ''
      await ctx.reply(`待答复的问题（${open.length} 个）：\n${lines.join('\n')}${more}\n答复请发：/答复 Q编号 答复内容`)
    }
  }]
}
