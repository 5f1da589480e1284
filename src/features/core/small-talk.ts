import type { Feature, FeatureFactory } from '../../app/types.js'

/**
 * The last handler: whatever no feature took (greetings, thanks, chatter) gets a short,
 * friendly pointer to what the bot can do, so nobody is met with silence.
 */
export const smallTalkFeature: FeatureFactory = (app): Feature => ({
  name: 'small-talk',
  async handle (ctx) {
    // Woken in a group by a trigger word (收到, 咨询…) that no feature took: stay quiet
    // rather than answer every 收到 in a busy group.
    if (!ctx.isPrivate && !ctx.mentioned) return true
    const thanks = /谢谢|多谢|感谢|辛苦/.test(ctx.text)
    await ctx.reply(thanks
      ? '不客气！还有问题随时 @我。'
      : `您好，我是${app.compound.name}的${app.options.botName}。可以问我小区事务的办理流程（如“维修资金怎么用”），也可以投诉报修（如“投诉 3号楼路灯坏了”）。发送 /帮助 查看全部命令。`)
    return true
  }
})
