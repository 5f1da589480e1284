import type { RenderedSkill } from '../../knowledge/render-skill.js'

/** Every message the bot sends stays within this (the @-mention counts too). */
export const MESSAGE_MAX = 500
/**
 * A group answer, @-mention included, stays within this: owners read it on a phone in a
 * 500-person group. At most three short lines of answer and what to do next, and one of 依据.
 */
export const GROUP_MAX = 200
export const GROUP_LINES = 4
const MENTION_ROOM = 20 // "@name " prefixed by the outbox in groups
/** The 依据 line of a group answer: the rules' names, shortened to fit. */
const GROUP_BASIS_MAX = 45

export interface AnswerLayout {
  inGroup: boolean
  /** whether the skill has steps to offer with 详细 */
  steps: boolean
  /** a line of what the owner can do next (the offer to file a complaint) */
  extra?: string
}

const MORE_GROUP = '@我 回复“详细”，完整步骤私聊发您'
const MORE_PRIVATE = '回复“详细”查看完整步骤'

/**
 * The answer, then what to do next, then where it comes from: 依据 names rules only (laws,
 * regulations, the compound's own rules), a committee answer is named after 来源, and news
 * reports and local practices are left to 详细 (做法参考). In a group: `text` is the skill's
 * brief, and the whole fits GROUP_LINES lines and GROUP_MAX characters with the @-mention.
 */
export function composeAnswer (text: string, skill: Pick<RenderedSkill, 'rules' | 'answers'>, layout: AnswerLayout): string {
  if (!layout.inGroup) {
    const tail = [layout.steps ? MORE_PRIVATE : undefined, layout.extra].filter(isLine)
    const budget = MESSAGE_MAX - MENTION_ROOM - [...text].length - tail.reduce((n, line) => n + 1 + [...line].length, 0)
    return [text, basisLine(skill, budget - 1), ...tail].filter(isLine).join('\n')
  }
  const answer = text.split('\n').filter(line => line.trim() !== '')
  // Next steps: the offer to file comes first (it is about the owner's own problem), 详细 if a line is left.
  const room = GROUP_LINES - 1 - answer.length
  const tail = [layout.extra, layout.steps ? MORE_GROUP : undefined].filter(isLine).slice(0, Math.max(room, 0))
  const compose = (basisMax: number, lines: string[]): string =>
    [...answer, ...lines, basisLine(skill, basisMax)].filter(isLine).join('\n')
  let out = compose(GROUP_BASIS_MAX, tail)
  for (let drop = tail.length; length(out) > GROUP_MAX - MENTION_ROOM && drop > 0; drop--) out = compose(GROUP_BASIS_MAX, tail.slice(0, drop - 1))
  return out
}

/** `依据：…` (rules) or `来源：业委会答复 Q1（…）`, shortened to `max` characters; none for neither. */
function basisLine (skill: Pick<RenderedSkill, 'rules' | 'answers'>, max: number): string | undefined {
  if (skill.rules.length > 0) return `依据：${fitSources(skill.rules, max - 3)}`
  if (skill.answers.length > 0) return `来源：${fitSources(skill.answers, max - 3)}`
  return undefined
}

/** Full names if they fit; else articles of one code run together, without sections; else as many as fit, then 等. */
export function fitSources (sources: string[], budget: number): string {
  const full = sources.join('；')
  if (length(full) <= budget) return full
  const titles = joinArticles(titlesOf(sources))
  const short = titles.join('；')
  if (length(short) <= budget) return short
  let out = ''
  for (const t of titles) {
    const next = out ? `${out}；${t}` : t
    if (length(next) + 1 > budget) break
    out = next
  }
  return `${out}等`
}

/** 民法典第二百八十一条, 民法典第二百七十八条 → 民法典第二百八十一条、第二百七十八条 */
function joinArticles (names: string[]): string[] {
  const out: string[] = []
  for (const name of names) {
    const m = /^(.+?)(第[一二三四五六七八九十百零]+条)$/.exec(name)
    const prev = out.at(-1)
    if (m && prev?.startsWith(m[1] ?? '') && /条$/.test(prev)) out[out.length - 1] = `${prev}、${m[2]}`
    else out.push(name)
  }
  return out
}

export function composeChoices (skills: Array<Pick<RenderedSkill, 'title'>>): string {
  return [
    '您想问的是哪一个？请回复数字：',
    ...skills.map((s, i) => `${i + 1}. ${s.title}`),
    '0. 都不是，转给业委会'
  ].join('\n')
}

/** The full steps (sent privately), with 依据 and the practices they follow (做法参考). */
export function composeSteps (skill: RenderedSkill): string {
  const practices = titlesOf(skill.practices)
  return [
    `【${skill.title}】`,
    plain(skill.steps),
    skill.rules.length > 0 ? `依据：${skill.rules.join('；')}` : undefined,
    practices.length > 0 ? `做法参考：${practices.join('；')}` : undefined
  ].filter(isLine).join('\n')
}

/**
 * What a person who is not the bot's friend gets in the group instead of the steps: one
 * @-mention with the first steps that fit, and how to get the rest.
 */
export function composeFirstSteps (skill: RenderedSkill): string {
  const close = '加我为好友后私聊“详细”，可看完整步骤。'
  const budget = GROUP_MAX - MENTION_ROOM - length(close) - 1
  const lines = plain(skill.steps).split('\n').filter(line => line.trim() !== '')
  const first: string[] = []
  for (const line of lines) {
    if (length([...first, line].join('\n')) > budget) break
    first.push(line)
  }
  if (first.length === 0 && lines[0]) first.push(`${[...lines[0]].slice(0, budget - 1).join('')}…`)
  return [...first, close].join('\n')
}

/** Sources without their sections (`title·section`), each once. */
function titlesOf (sources: string[]): string[] {
  return [...new Set(sources.map(s => s.split('·')[0] ?? s))]
}

function plain (steps: string): string {
  return steps.replace(/\*\*/g, '')
}

function length (text: string): number { return [...text].length }

function isLine (line: string | undefined): line is string {
  return line !== undefined && line !== ''
}
