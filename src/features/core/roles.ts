import type { App, Feature, FeatureFactory, MessageContext, Person, Role } from '../../app/types.js'
import { parseRole, ROLE_NAMES } from '../../bot/role-names.js'
import { wouldRemoveLastChair } from '../../roles/role-book.js'

const USAGE = '用法：/角色 列表；/角色 授予 @某人 委员；/角色 撤销 @某人 委员（私聊时用联系人ID代替 @某人）'
const HAND_OVER = '业委会主任不能少于一位。如需交接，请先用「/角色 授予 @新主任 主任」授予新主任，再撤销原主任的身份。'

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
      const person = await whoIsMeant(ctx, rest.slice(0, -1))
      if (typeof person === 'string') return await ctx.reply(`${person}${USAGE}`)
      // No await from here on: the check and the change are one step, so two revocations
      // at once cannot both pass the last-chair check.
      if (action === '授予') app.roles.grant(person.id, role, person.name)
      else {
        const refusal = refuseRevoke(app, person, role)
        if (refusal) return await ctx.reply(refusal)
        app.roles.revoke(person.id, role)
      }
      await ctx.reply(`已${action}${person.name}（${person.id}）「${ROLE_NAMES[role]}」身份。`)
    }
  }]
})

function refuseRevoke (app: App, person: Person, role: Role): string | undefined {
  if (wouldRemoveLastChair(app.roles, person.id, role)) return `${person.name}是目前唯一的业委会主任，不能撤销。${HAND_OVER}`
  if (!app.roles.rolesOf(person.id).has(role)) return `${person.name}（${person.id}）没有「${ROLE_NAMES[role]}」身份，无需撤销。`
  return undefined
}

/**
 * The one person meant: the one @-mentioned, or a contact id the puppet knows. A nickname
 * typed without @ (李先生) names nobody for sure; a refusal (string) says what to do instead.
 */
async function whoIsMeant (ctx: MessageContext, words: string[]): Promise<Person | string> {
  if (ctx.mentions.length === 1) return ctx.mentions[0]!
  if (ctx.mentions.length > 1) return '一次只能为一位成员设置身份，请只 @ 一个人。'
  const id = words.find(w => !w.startsWith('@'))
  if (!id) return '请 @要设置身份的人，或写出其联系人ID。'
  const known = await ctx.app.directory.contact(id)
  if (known) return { id: known.id, name: ctx.app.roles.nameOf(id) ?? known.name }
  return `找不到联系人「${id}」。为免授错人，请在群里 @ 这位成员，或私聊时写出其微信联系人ID（可在 /角色 列表 中查看已登记的ID）。`
}

function listRoles (app: App): string {
  const roles = (['chair', 'committee', 'treasurer', 'property', 'residents', 'party'] as const).map(role => {
    const people = app.roles.membersOf(role).map(id => `${app.roles.nameOf(id) ?? '未知'}（${id}）`)
    return `${ROLE_NAMES[role]}：${people.length > 0 ? people.join('、') : '无'}`
  })
  return ['当前身份：', ...roles].join('\n')
}
