import { appendFile, readFile } from 'node:fs/promises'
import path from 'node:path'
import { FAQ_ID, SHORT_ANSWER_MAX } from './skill-schema.js'

export interface FaqEntry {
  /** question number, e.g. 12 for Q12 */
  number: number
  question: string
  answer: string
  /** YYYY-MM-DD */
  date: string
}

export class FaqError extends Error {}

/**
 * Append a committee-approved answer to `<skillsDir>/faq/SKILL.md` in the format its
 * parser reads (`## 问：`, `来源：`, answer). Returns the skill id it will load as.
 */
export async function appendFaq (skillsDir: string, entry: FaqEntry): Promise<string> {
  const question = oneLine(entry.question)
  const answer = entry.answer.trim()
  if (question === '') throw new FaqError('问题为空，无法收录')
  if (answer === '') throw new FaqError('答复为空，无法收录')
  if ([...answer].length > SHORT_ANSWER_MAX) throw new FaqError(`答复超过 ${SHORT_ANSWER_MAX} 字，请精简后再收录`)
  const file = path.join(skillsDir, FAQ_ID, 'SKILL.md')
  const existing = await readFile(file, 'utf8') // the FAQ file must exist: it carries the front matter
  const id = `faq-q${entry.number}`
  if (new RegExp(`业委会答复 Q${entry.number}(?!\\d)`).test(existing)) throw new FaqError(`Q${entry.number} 已经收录过了`)
  // A line that starts like a heading would cut the answer short when it is read back.
  const body = answer.split(/\r?\n/).map(line => line.replace(/^#+\s*/, '')).join('\n')
  const separator = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n'
  await appendFile(file, `${separator}## 问：${question}\n来源：业委会答复 Q${entry.number}（${entry.date}）\n${body}\n`, 'utf8')
  return id
}

function oneLine (text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^#+\s*/, '').trim()
}
