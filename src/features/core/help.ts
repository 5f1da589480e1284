import type { Feature, FeatureFactory } from '../../app/types.js'
import { mayRun } from '../../bot/command-router.js'

/** `/帮助`: the commands this person's roles allow, each with one example. */
export const helpFeature: FeatureFactory = (app): Feature => ({
  name: 'help',
  commands: [{
    names: ['帮助', 'help', '?'],
    roles: ['owner'],
    summary: '查看您可以使用的命令',
    example: '/帮助',
    async run (ctx) {
      const lines = app.commands
        .filter(c => c.hidden !== true && mayRun(ctx, c))
        .map(c => `/${c.names[0]} ${c.summary}\n  例：${c.example}`)
      await ctx.reply([
        `我是${app.compound.name}的${app.options.botName}。`,
        '在群里 @我 提问或投诉；私聊我也可以。',
        '您可以使用的命令：',
        ...lines
      ].join('\n'))
    }
  }]
})
