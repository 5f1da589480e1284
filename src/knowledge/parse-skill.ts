import { z } from 'zod'
import { parseYamlText } from '../text/parse-yaml.js'
import { FAQ_ID, GROUP_BRIEF_LINES, GROUP_BRIEF_MAX, SHORT_ANSWER_MAX, frontMatterSchema, parseSource, type Skill } from './skill-schema.js'

export class SkillError extends Error {}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/
const SECTION = /^##\s+(.+?)\s*$/gm
/** FAQ entries: `## 问：…` (or `## Q: …`) headings */
const FAQ_HEADING = /^(?:问|Q)\s*[:：]\s*(.+)$/i
const FAQ_SOURCE = /^来源\s*[:：]\s*(.+)$/m

export interface Parsed { skills: Skill[], problems: string[] }

/**
 * One SKILL.md → the skill (and, for the FAQ file, one skill per entry). A broken file
 * throws SkillError; a broken FAQ entry is a problem and the rest of the file still loads.
 */
export function parseSkill (text: string, path: string): Parsed {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''))
  if (!match) throw new SkillError('缺少 YAML 头部（文件应以 --- 开头，并以 --- 结束头部）')
  let raw: unknown
  try {
    raw = parseYamlText(match[1] ?? '')
  } catch (err) {
    throw new SkillError(`YAML 头部格式错误：${(err as Error).message}`)
  }
  const front = frontMatterSchema.safeParse(raw)
  if (!front.success) throw new SkillError(`YAML 头部内容不对：${z.prettifyError(front.error)}`)
  const bad = front.data.sources.filter(s => parseSource(s) === undefined)
  if (bad.length > 0) throw new SkillError(`依据无法识别：${bad.join('；')}（应为 seeds 文件名或国家法规名称）`)

  const sections = splitSections(match[2] ?? '')
  const short = sections.find(s => s.heading === '简答')?.body
  const steps = sections.find(s => s.heading === '详细步骤')?.body
  if (!short) throw new SkillError('缺少“## 简答”一节')
  if (!steps) throw new SkillError('缺少“## 详细步骤”一节')
  if ([...short].length > SHORT_ANSWER_MAX) throw new SkillError(`简答超过 ${SHORT_ANSWER_MAX} 字（现有 ${[...short].length} 字）`)
  const brief = sections.find(s => s.heading === '群聊简答')?.body
  if (brief !== undefined && ([...brief].length > GROUP_BRIEF_MAX || brief.split('\n').length > GROUP_BRIEF_LINES)) {
    throw new SkillError(`群聊简答超过 ${GROUP_BRIEF_MAX} 字或 ${GROUP_BRIEF_LINES} 行（现有 ${[...brief].length} 字）`)
  }
  const skill: Skill = { ...front.data, short, steps, path, ...(brief ? { brief } : {}) }
  if (front.data.id !== FAQ_ID) return { skills: [skill], problems: [] }
  const faq = faqEntries(sections, path)
  return { skills: [skill, ...faq.skills], problems: faq.problems }
}

interface Section { heading: string, body: string }

function splitSections (body: string): Section[] {
  const heads = [...body.matchAll(SECTION)]
  return heads.map((h, i) => ({
    heading: (h[1] ?? '').trim(),
    body: body.slice((h.index ?? 0) + h[0].length, heads[i + 1]?.index ?? body.length).trim()
  }))
}

/** Each `## 问：` section is a committee answer: id faq-q12 when it names its question number. */
function faqEntries (sections: Section[], path: string): Parsed {
  const skills: Skill[] = []
  const problems: string[] = []
  sections.forEach(section => {
    const question = FAQ_HEADING.exec(section.heading)?.[1]?.trim()
    if (!question) return
    const source = FAQ_SOURCE.exec(section.body)?.[1]?.trim() ?? '业委会答复'
    const answer = section.body.replace(FAQ_SOURCE, '').trim()
    if (!answer || [...answer].length > SHORT_ANSWER_MAX) {
      problems.push(`问答“${question}”的答案为空或超过 ${SHORT_ANSWER_MAX} 字，已跳过`)
      return
    }
    const number = /Q(\d+)/i.exec(source)?.[1]
    skills.push({
      id: number ? `faq-q${number}` : `faq-${skills.length + 1}`,
      title: question,
      examples: [question],
      bodies: ['committee'],
      sources: [source.startsWith('业委会答复') ? source : `业委会答复 ${source}`],
      short: answer,
      steps: answer,
      path
    })
  })
  return { skills, problems }
}
