import type { App, Feature } from '../../app/types.js'

/**
 * Bootstrap of the first chair: on a real start with no chair, the console shows a one-time
 * code; whoever sends `/认证 CODE` privately becomes chair. The code works once.
 */
export function authenticateFeature (code: string | undefined) {
  let pending = code
  return (app: App): Feature => ({
    name: 'authenticate',
    commands: [{
      names: ['认证'],
      roles: ['owner'],
      privateOnly: true,
      // Only worth listing while a bootstrap code is waiting to be used.
      get hidden () { return pending === undefined || app.roles.membersOf('chair').length > 0 },
      audited: true,
      summary: '用启动时控制台显示的一次性认证码成为业委会主任（仅首次）',
      example: '/认证 123456',
      async run (ctx, { args }) {
        if (app.roles.membersOf('chair').length > 0 || pending === undefined) {
          return await ctx.reply('已有业委会主任，无需认证。如需调整身份，请联系业委会主任使用 /角色。')
        }
        if (args[0] !== pending) return await ctx.reply('认证码不正确，请核对机器人启动时控制台显示的认证码。')
        pending = undefined
        app.roles.grant(ctx.talker.id, 'chair', ctx.talker.name)
        app.log.info(`chair bootstrapped: ${ctx.talker.id}`)
        await ctx.reply('认证成功，您已成为业委会主任。发送 /帮助 查看可用命令，用 /角色 为其他成员授予身份。')
      }
    }]
  })
}
