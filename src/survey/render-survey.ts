import type { Survey, SurveySummary } from './survey.js'
import { formatChineseDateTime } from '../clock/shanghai-time.js'

export function renderSurveyInvitation (survey: Survey): string {
  return [
    `【${survey.title}】`,
    '业委会每半年征询一次业主对物业服务的意见。请私聊本助手发送「/评分 分数 意见」（1到5分，5分最满意，意见可不写），例如：',
    '/评分 4 保洁及时，但晚上巡逻少',
    `截止时间：${formatChineseDateTime(new Date(survey.closesAt))}。每人一票，重复回复以最后一次为准；意见只汇总统计，不公开姓名。`
  ].join('\n')
}

export function renderSurveySummary (survey: Survey, summary: SurveySummary): string {
  const bars = ([5, 4, 3, 2, 1] as const).map(score => `${score}分：${summary.counts[score]}人`)
  return [
    `【${survey.title} 结果】`,
    `参与：${summary.total}人；平均分：${summary.average?.toFixed(2) ?? '—'}`,
    bars.join('；'),
    summary.themes.length > 0
      ? `意见中常提到：${summary.themes.map(t => `${t.word}（${t.comments}条）`).join('、')}`
      : `收到文字意见${summary.withComment}条。`,
    '业委会将把结果转交物业服务企业并跟进整改。'
  ].join('\n')
}

/**
 * Every written comment, for the chair only (sent privately): with its rating and the themes it
 * mentions, oldest first, without names (the invitation promises names are not made public).
 */
export function renderSurveyComments (survey: Survey, summary: SurveySummary): string {
  const comments = Object.values(survey.responses)
    .filter(r => r.comment !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at))
  if (comments.length === 0) return `【${survey.title} 文字意见】没有业主留下文字意见。`
  const themes = summary.themes.map(t => t.word)
  const lines = comments.map((r, i) => {
    const mentioned = themes.filter(w => r.comment!.includes(w))
    return `${i + 1}. ${r.rating}分｜${r.comment!}${mentioned.length > 0 ? `〔${mentioned.join('、')}〕` : ''}`
  })
  return [
    `【${survey.title} 文字意见（共${comments.length}条，仅供主任参阅，不公开姓名）】`,
    themes.length > 0 ? `主题：${summary.themes.map(t => `${t.word}（${t.comments}条）`).join('、')}` : '主题：各条意见没有共同提到的词。',
    ...lines
  ].join('\n')
}
