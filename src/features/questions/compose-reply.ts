import type { RenderedSkill } from '../../knowledge/render-skill.js'

/** Every message the bot sends stays within this (the @-mention counts too). */
export const MESSAGE_MAX = 500
const MENTION_ROOM = 20 // "@name " prefixed by the outbox in groups

export interface AnswerLayout {
  inGroup: boolean
  /** whether the skill has steps to offer with 详细 */
  steps: boolean
  /** a last line (the offer to file a complaint), kept within the limit too */
  extra?: string
}

/** Short answer, then 依据, then how to get the steps (and any extra line); sources are shortened to fit. */
export function composeAnswer (answer: string, sources: string[], layout: AnswerLayout): string {
  const more = !layout.steps ? undefined : layout.inGroup ? '@我 回复“详细”查看完整步骤' : '回复“详细”查看完整步骤'
  const tail = [more, layout.extra].filter((line): line is string => line !== undefined && line !== '')
  const budget = MESSAGE_MAX - MENTION_ROOM - [...answer].length - '\n依据：'.length - tail.reduce((n, line) => n + 1 + [...line].length, 0)
  return [`${answer}\n依据：${fitSources(sources, budget)}`, ...tail].join('\n')
}

/** Full titles if they fit; else without the section; else as many as fit, then 等. */
function fitSources (sources: string[], budget: number): string {
  const full = sources.join('；')
  if ([...full].length <= budget) return full
  const titles = [...new Set(sources.map(s => s.split('·')[0] ?? s))]
  const short = titles.join('；')
  if ([...short].length <= budget) return short
  let out = ''
  for (const t of titles) {
    const next = out ? `${out}；${t}` : t
    if ([...next].length + 1 > budget) break
    out = next
  }
  return `${out}等`
}

export function composeChoices (skills: RenderedSkill[]): string {
  return [
    '您想问的是哪一个？请回复数字：',
    ...skills.map((s, i) => `${i + 1}. ${s.title}`),
    '0. 都不是，转给业委会'
  ].join('\n')
}

export function composeSteps (skill: RenderedSkill): string {
  return `【${skill.title}】\n${skill.steps.replace(/\*\*/g, '')}`
}
