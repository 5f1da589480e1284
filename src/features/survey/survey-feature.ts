import type { App, Feature, FeatureFactory, MessageContext } from '../../app/types.js'
import { parseSurveyAnswer } from '../../survey/parse-survey-answer.js'
import { renderSurveyComments, renderSurveySummary } from '../../survey/render-survey.js'
import { recordAnswer, summarizeSurvey, type Survey } from '../../survey/survey.js'
import { formatChineseDateTime } from '../../clock/shanghai-time.js'
import type { Store } from '../../storage/storage.js'
import { notifyChair, resolveAudiences, sendToTarget } from '../schedule/targets.js'
import { openSurvey, openSurveys, type SurveysData } from './survey-store.js'

const RATE_USAGE = '请写「/评分 分数 意见」，分数1到5（5分最满意），例如：/评分 4 保洁及时，但晚上巡逻少'

/**
 * The half-yearly opinion survey on the property service: owners rate 1–5 (privately where
 * they can), one answer per owner; at the closing date the committee gets the result, and the
 * owner groups once the chair approves it.
 */
export const surveyFeature: FeatureFactory = (app): Feature => {
  let opened: Promise<Store<SurveysData>> | undefined
  const store = async (): Promise<Store<SurveysData>> => await (opened ??= openSurveys(app))

  return {
    name: 'survey',
    commands: [
      {
        names: ['评分', 'rate'],
        roles: ['owner'],
        summary: '参加物业服务意见征询：打1到5分，可附意见',
        example: '/评分 4 保洁及时，但晚上巡逻少',
        async run (ctx, { rest }) {
          await rate(ctx, await store(), rest)
        }
      },
      {
        names: ['征询', 'survey'],
        roles: ['committee'],
        audited: true,
        summary: '意见征询：结果、意见（主任，私聊全部文字意见）、公布（主任）、发起（主任）',
        example: '/征询 结果',
        async run (ctx, { args }) {
          const s = await store()
          const [action, days] = args
          if (action === '发起') return await start(app, ctx, s, Number(days ?? 14))
          if (action === '公布') return await publish(app, ctx, s)
          const survey = s.data.surveys.at(-1)
          if (survey === undefined) return await ctx.reply('还没有发起过意见征询。主任可发送 /征询 发起 14（征询14天）。')
          if (action === '意见') {
            if (!ctx.has('chair')) return await ctx.reply('全部文字意见只发给业委会主任。')
            return await ctx.replyPrivately(renderSurveyComments(survey, summarizeSurvey(survey)), '文字意见已私聊发给您；如未收到，请先加我为好友。')
          }
          await ctx.reply(renderSurveySummary(survey, summarizeSurvey(survey)) + `\n（状态：${STATUS[survey.status]}）`)
        }
      }
    ],
    async tick (now) {
      const s = await store()
      for (const survey of s.data.surveys.filter(x => x.status === 'open' && new Date(x.closesAt) <= now)) {
        s.update(() => { survey.status = 'closed' })
        await s.flush()
        const summary = summarizeSurvey(survey)
        const text = renderSurveySummary(survey, summary)
        const committee = (await resolveAudiences(app)).committee
        for (const target of committee) await sendToTarget(app, target, { text })
        // The chair alone reads every written comment, privately (issue 10); the groups get counts, average, themes.
        await notifyChair(app, [
          { text: `${text}\n\n意见征询已截止。确认后发送「/征询 公布」把结果发到业主群。` },
          { text: renderSurveyComments(survey, summary) }
        ])
      }
    }
  }
}

const STATUS: Record<Survey['status'], string> = { open: '进行中', closed: '已截止，待主任公布', published: '已公布' }

/** The survey owners can answer now (one that reached its closing time waits for the next tick to close). */
const openSurveyAt = (data: SurveysData, now: Date): Survey | undefined =>
  data.surveys.filter(x => x.status === 'open' && new Date(x.closesAt) > now).at(-1)

async function rate (ctx: MessageContext, s: Store<SurveysData>, rest: string): Promise<void> {
  const survey = openSurveyAt(s.data, ctx.app.clock.now())
  if (survey === undefined) return await ctx.replyPrivately('目前没有进行中的意见征询，谢谢关注。', '目前没有进行中的意见征询。')
  // the survey asks owners about the property company: its own staff do not rate themselves
  if (ctx.has('property') && !ctx.has('committee')) {
    return await ctx.replyPrivately('物业服务意见征询是请业主评价物业服务，物业工作人员不参加评分，谢谢理解。', '物业工作人员不参加本次评分，谢谢理解。')
  }
  const answer = parseSurveyAnswer(rest)
  if (answer === undefined) return await ctx.replyPrivately(RATE_USAGE, RATE_USAGE)
  const result = recordAnswer(survey, ctx.talker.id, answer, ctx.app.clock.now())
  if (!result.ok) return await ctx.replyPrivately(result.message, result.message)
  s.update(d => { d.surveys = d.surveys.map(x => x.id === survey.id ? result.survey : x) })
  const thanks = `已记录您的评分：${answer.rating}分${result.replaced ? '（已更新您之前的回答）' : ''}。谢谢参与！`
  // in a group the rating stays private where possible; the fallback says nothing about it
  await ctx.replyPrivately(thanks, '已收到您的意见征询回复，谢谢参与！')
}

async function start (app: App, ctx: MessageContext, s: Store<SurveysData>, days: number): Promise<void> {
  if (!ctx.has('chair')) return await ctx.reply('发起意见征询需要业委会主任身份。')
  if (!Number.isInteger(days) || days < 1 || days > 60) return await ctx.reply('征询天数应为1到60，例如：/征询 发起 14')
  const running = openSurveyAt(s.data, app.clock.now())
  if (running !== undefined) {
    return await ctx.reply(`「${running.title}」正在进行，${formatChineseDateTime(new Date(running.closesAt))}截止，截止后才能发起新的征询。`)
  }
  const invitation = await openSurvey(app, app.clock.now(), days)
  for (const target of (await resolveAudiences(app)).owner_groups) await sendToTarget(app, target, { text: invitation })
  await ctx.reply(`已发起意见征询（${days}天），邀请已发到业主群。`)
}

async function publish (app: App, ctx: MessageContext, s: Store<SurveysData>): Promise<void> {
  if (!ctx.has('chair')) return await ctx.reply('公布意见征询结果需要业委会主任身份。')
  const survey = s.data.surveys.filter(x => x.status === 'closed').at(-1)
  if (survey === undefined) {
    const last = s.data.surveys.at(-1)
    return await ctx.reply(last?.status === 'published'
      ? `「${last.title}」的结果已经公布过了，不再重复发送。`
      : last?.status === 'open'
        ? `「${last.title}」还在进行，${formatChineseDateTime(new Date(last.closesAt))}截止后我会把结果发给您，确认后再公布。`
        : '没有已截止、待公布的意见征询。')
  }
  s.update(() => { survey.status = 'published' })
  await s.flush()
  const text = renderSurveySummary(survey, summarizeSurvey(survey))
  for (const target of (await resolveAudiences(app)).owner_groups) await sendToTarget(app, target, { text })
  await ctx.reply('意见征询结果已发到业主群。')
}
