import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { writeDurable, writeSynced } from '../storage/durable-file.js'
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
 * The head of the compound's learned-FAQ file: the same format as skills/faq/SKILL.md, so
 * the same parser reads it and a committee member can correct an entry by hand.
 */
const HEAD = `---
id: ${FAQ_ID}
title: 本小区业委会收录的问答
bodies: [committee]
sources:
  - 业委会答复
---
## 简答
业委会用 /收录 确认的问答，由小区助手追加在下面；也可以照同样格式手工修改。

## 详细步骤
每条以“## 问：”开头，后面写问题；下一行写“来源：业委会答复 Q编号（日期）”；再下面写答案（不超过${SHORT_ANSWER_MAX}字）。
`

/**
 * Append a committee-approved answer to the compound's FAQ file (created on first use) in
 * the format its parser reads (`## 问：`, `来源：`, answer). Returns the skill id it will
 * load as. The file lives with the compound's data, next to the numbered questions it
 * records, not in the shared skills/ folder. The append is fsynced before "已收录" is said,
 * and an entry already in the file (a stop between the append and marking Q collected) is
 * not added again: /收录 once more completes it.
 */
export async function appendFaq (file: string, entry: FaqEntry): Promise<string> {
  // One at a time per file: two first /收录 at once would both create it, one over the other's entry.
  const run = (appending.get(file) ?? Promise.resolve()).then(async () => await append(file, entry))
  appending.set(file, run.catch(() => {}))
  return await run
}

const appending = new Map<string, Promise<unknown>>()

async function append (file: string, entry: FaqEntry): Promise<string> {
  const question = oneLine(entry.question)
  const answer = entry.answer.trim()
  if (question === '') throw new FaqError('问题为空，无法收录')
  if (answer === '') throw new FaqError('答复为空，无法收录')
  if ([...answer].length > SHORT_ANSWER_MAX) throw new FaqError(`答复超过 ${SHORT_ANSWER_MAX} 字，请精简后再收录`)
  const existing = await readFaq(file)
  // An empty file is not a new one (a disk that lost it, a bad copy): appending would leave
  // entries without the head the parser needs, and every collected answer unreadable.
  if (existing.trim() === '') throw new FaqError(`常见问答文件 ${path.basename(file)} 是空的，请先从备份恢复（或删除它，由我重新建立）后再收录`)
  const id = `faq-q${entry.number}`
  if (new RegExp(`业委会答复 Q${entry.number}(?!\\d)`).test(existing)) return id
  // A line that starts like a heading would cut the answer short when it is read back.
  const body = answer.split(/\r?\n/).map(line => line.replace(/^#+\s*/, '')).join('\n')
  const separator = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n'
  await writeSynced(file, `${separator}## 问：${question}\n来源：业委会答复 Q${entry.number}（${entry.date}）\n${body}\n`, 'a')
  return id
}

async function readFaq (file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    await mkdir(path.dirname(file), { recursive: true })
    await writeDurable(file, HEAD)
    return HEAD
  }
}

function oneLine (text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^#+\s*/, '').trim()
}
