import type { App, Feature, FeatureFactory, MessageContext, Person } from '../../app/types.js'
import { parseRole, ROLE_NAMES } from '../../bot/role-names.js'

const USAGE = '用法：/角色 列表；/角色 授予 @某人 委员；/角色 撤销 @某人 委员（私聊时用联系人ID代替 @某人）'

/** The chair grants and removes roles. People are named by @-mention or contact id, never by nickname. */
export const rolesFeature: FeatureFactory = (app): Feature => ({
  name: 'roles',
  commands: [{
    names: ['角色', 'role'],
    roles: ['chair'],
    audited: true,
    summary: '查看、授予或撤销身份（主任）',
    example: '/角色 授予 @钱委员 委员',
    async run (ctx, { args }) {
      const [action, ...rest] = args
      if (action === undefined || action === '列表') return await ctx.reply(listRoles(app))
      if (action !== '授予' && action !== '撤销') return await ctx.reply(`不认识「${action}」。${USAGE}`)
      const role = parseRole(rest[rest.length - 1] ?? '')
      if (!role || role === 'owner') return await ctx.reply(`请写明身份：${Object.values(ROLE_NAMES).slice(1).join('、')}。${USAGE}`)
      const person = whoIsMeant(ctx, rest.slice(0, -1))
      if (!person) return await ctx.reply(`请 @要${action}身份的人，或写出其联系人ID。${USAGE}`)
      if (action === '授予') app.roles.grant(person.id, role, person.name)
      else app.roles.revoke(person.id, role)
      await ctx.reply(`已${action}${person.name}（${person.id}）「${ROLE_NAMES[role]}」身份。`)
    }
  }]
})

function whoIsMeant (ctx: MessageContext, words: string[]): Person | undefined {
  if (ctx.mentions.length === 1) return ctx.mentions[0]
  const id = words.find(w => !w.startsWith('@'))
  if (!id) return undefined
  return { id, name: ctx.app.roles.nameOf(id) ?? id }
}

function listRoles (app: App): string {
  const roles = (['chair', 'committee', 'treasurer', 'property', 'residents', 'party'] as const).map(role => {
    const people = app.roles.membersOf(role).map(id => `${app.roles.nameOf(id) ?? '未知'}（${id}）`)
    return `${ROLE_NAMES[role]}：${people.length > 0 ? people.join('、') : '无'}`
  })
  return ['当前身份：', ...roles].join('\n')
}

