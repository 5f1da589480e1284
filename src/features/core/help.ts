import type { Command, Feature, FeatureFactory } from '../../app/types.js'
import { mayRun } from '../../bot/command-router.js'

/** An owner's /帮助 stays on one phone screen. */
export const OWNER_HELP_MAX_LINES = 8

/**
 * What an owner can do with each command, in the order owners need them, as one line. Some
 * commands do more for committee members or bodies (/会议 新建, /工单 列表): owners read
 * only their part. A command for owners not listed here shows its summary.
 */
const OWNER_LINES: ReadonlyArray<[name: string, line: string, doesMore?: 'more']> = [
  ['余额', '/余额 查看最新公示的维修资金、公共收益余额'],
  ['我的工单', '/我的工单 查看我反映的问题；发“#工单号 催一下”可催办'],
  ['评分', '/评分 4 意见 给物业服务打1到5分'],
  ['会议', '/会议 列表 查看近期会议', 'more'],
  ['状态', '/状态 各单位未办结的工单'],
  ['统计', '/统计 工单调处率、满意率'],
  ['工单', '/工单 27 查看27号工单的详情和记录', 'more']
]

/**
 * `/帮助`: for owners, at most OWNER_HELP_MAX_LINES lines with only what an owner can use;
 * committee members and bodies see their own commands too, in private (in a group they are
 * told to ask privately: a 500-person group does not need the committee's manual).
 */
export const helpFeature: FeatureFactory = (app): Feature => ({
  name: 'help',
  commands: [{
    names: ['帮助', 'help', '?'],
    roles: ['owner'],
    summary: '查看您可以使用的命令',
    example: '/帮助',
    async run (ctx) {
      const visible = app.commands.filter(c => c.hidden !== true && mayRun(ctx, c) && c.names[0] !== '帮助')
      const forOwners = visible.filter(c => c.roles.includes('owner') && c.privateOnly !== true)
      const doesMore = forOwners.filter(c => OWNER_LINES.some(([name, , more]) => name === c.names[0] && more !== undefined))
      const others = visible.filter(c => !forOwners.includes(c))
      const head = `我是${app.compound.name}的${app.options.botName}：群里@我提问或反映问题，私聊也行。`
      const lines = [...OWNER_LINES.flatMap(([name, line]) => forOwners.some(c => c.names[0] === name) ? [line] : []),
        ...forOwners.filter(c => !OWNER_LINES.some(([name]) => name === c.names[0])).map(c => `/${c.names[0]} ${c.summary}`)]
      const more = others.length === 0 ? [] : ctx.isPrivate ? [] : ['您的职务命令：私聊我发 /帮助 查看']
      const owner = [head, ...lines.slice(0, OWNER_HELP_MAX_LINES - 1 - more.length), ...more]
      await ctx.reply(ctx.isPrivate && others.length > 0 ? [...owner, '', '您的职务命令：', ...[...others, ...doesMore].map(roleLine)].join('\n') : owner.join('\n'))
    }
  }]
})

function roleLine (c: Command): string {
  return `/${c.names[0]} ${c.summary}\n  例：${c.example}`
}
