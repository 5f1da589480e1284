import type { App, Feature, FeatureFactory, Undelivered } from '../../app/types.js'
import { describeTarget, notifyChair } from '../schedule/targets.js'
import { renderUndelivered, renderUndeliveredReport } from './undelivered-report.js'

// Reports about delivery carry this key prefix: if one of them cannot be delivered either,
// it is listed by /重发 but not reported again (no report about a report, forever).
const REPORT_KEY = 'delivery:'

async function namesOf (app: App, items: Undelivered[]): Promise<Map<string, string>> {
  const targets = [...new Set(items.map(u => u.target))]
  return new Map(await Promise.all(targets.map(async t => [t, await describeTarget(app, t)] as const)))
}

/**
 * What the outbox could not confirm reaches the chair: once per start for messages a stop
 * caught mid-send, at once for messages WeChat refused; `/重发` lists and resends them.
 */
export const deliveryFeature: FeatureFactory = (app): Feature => {
  let refused: Undelivered[] = []
  const report = async (items: Undelivered[]): Promise<void> => {
    const todo = items.filter(u => !u.reported && u.key?.startsWith(REPORT_KEY) !== true)
    if (todo.length === 0 || app.roles.membersOf('chair').length === 0) return
    const text = renderUndeliveredReport(todo, await namesOf(app, todo))
    if (text === undefined) return
    await notifyChair(app, { text }, { key: `${REPORT_KEY}${todo.map(u => u.id).join(',')}` })
    // marked after the report is queued: a crash in between repeats the report, never loses it
    app.outbox.markReported(todo.map(u => u.id))
  }
  app.outbox.onUndelivered(item => {
    // the parts of one message to a gone group fail one after another: one report for them
    refused.push(item)
    if (refused.length > 1) return
    setImmediate(() => {
      const batch = refused
      refused = []
      report(batch).catch(err => app.log.error('delivery: report to the chair failed', err))
    })
  })

  return {
    name: 'delivery',
    async start () {
      await report(app.outbox.undelivered())
    },
    commands: [{
      names: ['重发', 'resend'],
      roles: ['chair', 'committee'],
      audited: true,
      summary: '查看并重发没能确认送达的消息（主任、委员）',
      example: '/重发 12',
      async run (ctx, { args }) {
        const [first, ...rest] = args
        const dismiss = first === '作废'
        const ids = (dismiss ? rest : args).map(a => Number(a.replace(/^(#|编号)/, '')))
        if (ids.length === 0 || (dismiss && rest.length === 0)) {
          const items = app.outbox.undelivered()
          if (items.length === 0) return await ctx.reply('目前没有未能确认送达的消息。')
          return await ctx.reply([
            '下面的消息没能确认送达：',
            ...renderUndelivered(items, await namesOf(app, items), true),
            '重发：/重发 编号（可写多个）；已确认收到或不必再发：/重发 作废 编号'
          ].join('\n'))
        }
        if (ids.some(n => !Number.isInteger(n))) return await ctx.reply('编号应为数字，例如：/重发 12。发送「/重发」查看编号。')
        const done = dismiss ? app.outbox.dismiss(ids) : app.outbox.retry(ids)
        const unknown = ids.filter(n => !done.includes(n))
        await ctx.reply([
          ...(done.length > 0 ? [dismiss ? `已作废：编号${done.join('、')}，不再列出。` : `已重新排队：编号${done.join('、')}，将依次发出。`] : []),
          ...(unknown.length > 0 ? [`没有编号为 ${unknown.join('、')} 的未送达消息。发送「/重发」查看。`] : [])
        ].join('\n'))
      }
    }]
  }
}
