import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/knowledge/answer-question.js'
import { appendFaq, FaqError } from '../../src/knowledge/append-faq.js'
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { loadSkills } from '../../src/knowledge/load-skills.js'

const repoSkills = fileURLToPath(new URL('../../skills/', import.meta.url))

const skill = (id: string, short = '简短的回答。'): string => `---
id: ${id}
title: 测试流程 ${id}
examples: [怎么测试]
bodies: [committee]
sources: [民法典第二百七十八条]
---
## 简答
${short}

## 详细步骤
1. 第一步。
`

let dir: string
beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'skills-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

async function put (folder: string, text: string): Promise<string> {
  await mkdir(path.join(dir, folder), { recursive: true })
  const file = path.join(dir, folder, 'SKILL.md')
  await writeFile(file, text)
  return file
}

describe('loadSkills', () => {
  it('skips a broken file, reports it with its path and the reason, and loads the rest', async () => {
    await put('good', skill('good'))
    const badYaml = await put('bad-yaml', skill('bad-yaml').replace('bodies: [committee]', 'bodies: [committee'))
    const badBody = await put('bad-body', skill('bad-body').replace('committee', 'landlord'))
    const noShort = await put('no-short', skill('no-short').replace('## 简答', '## 说明'))
    const long = await put('too-long', skill('too-long', '很'.repeat(301)))
    const unknownSource = await put('bad-source', skill('bad-source').replace('民法典第二百七十八条', '听说的'))
    const { skills, problems } = await loadSkills(dir)
    expect(skills.map(s => s.id)).toEqual(['good'])
    const byPath = Object.fromEntries(problems.map(p => [p.path, p.message]))
    expect(byPath[badYaml]).toMatch(/YAML/)
    expect(byPath[badBody]).toMatch(/bodies/)
    expect(byPath[noShort]).toMatch(/简答/)
    expect(byPath[long]).toMatch(/300/)
    expect(byPath[unknownSource]).toMatch(/听说的/)
  })

  it('reports a duplicate id instead of letting one file shadow another', async () => {
    await put('a', skill('same'))
    const second = await put('b', skill('same'))
    const { skills, problems } = await loadSkills(dir)
    expect(skills).toHaveLength(1)
    expect(problems).toEqual([{ path: second, message: expect.stringContaining('重复') }])
  })

  it('turns each FAQ entry into a skill of its own, and skips an empty one with a report', async () => {
    await put('faq', `${skill('faq')}
## 问：快递柜什么时候装？
来源：业委会答复 Q7（2025-06-01）
快递柜已在三号楼旁安装。

## 问：没有答案的问题？
`)
    const { skills, problems } = await loadSkills(dir)
    const entry = skills.find(s => s.id === 'faq-q7')
    expect(entry).toMatchObject({ title: '快递柜什么时候装？', short: '快递柜已在三号楼旁安装。', sources: ['业委会答复 Q7（2025-06-01）'] })
    expect(problems).toEqual([{ path: expect.stringContaining('faq'), message: expect.stringContaining('没有答案的问题') }])
  })
})

describe('appendFaq and KnowledgeBase.reload', () => {
  it('makes a committee answer the direct answer to its question, without a restart', async () => {
    const faqFile = path.join(dir, 'data', 'faq.md')
    const kb = await KnowledgeBase.open(repoSkills, { faqFile })
    const question = '小区东门的快递柜什么时候能装好？'
    expect(answerQuestion(kb, question).kind).not.toBe('answer')

    const id = await appendFaq(faqFile, { number: 12, question, answer: '快递柜由物业负责安装，预计月底启用。', date: '2025-06-01' })
    expect(answerQuestion(kb, question).kind).not.toBe('answer') // not before reload
    expect(await kb.reload()).toEqual([])
    const answer = answerQuestion(kb, '东门快递柜啥时候装好')
    expect(answer).toMatchObject({ kind: 'answer', skill: { id, short: '快递柜由物业负责安装，预计月底启用。' } })
    expect(id).toBe('faq-q12')
  })

  it('ranks the same whether the index was prepared ahead or is built by the first search', async () => {
    const questions = ['维修资金怎么用？', '业委会多久开一次会', '东门快递柜啥时候装好']
    const lazy = await KnowledgeBase.open(repoSkills)
    const prepared = await KnowledgeBase.open(repoSkills)
    prepared.prepare()
    prepared.prepare()
    for (const q of questions) expect(prepared.search(q)).toEqual(lazy.search(q))
  })

  it('keeps the compound\'s answers out of the skills folder, in a file it creates on first use', async () => {
    await cp(repoSkills, path.join(dir, 'skills'), { recursive: true })
    const skillsFaq = path.join(dir, 'skills', 'faq', 'SKILL.md')
    const before = await readFile(skillsFaq, 'utf8')
    const faqFile = path.join(dir, 'data', 'faq.md')
    await appendFaq(faqFile, { number: 1, question: '游泳池几点开？', answer: '每天九点开放。', date: '2025-06-01' })
    expect(await readFile(skillsFaq, 'utf8')).toBe(before)
    const kb = await KnowledgeBase.open(path.join(dir, 'skills'), { faqFile })
    expect(kb.problems).toEqual([])
    expect(kb.get('faq-q1')).toMatchObject({ title: '游泳池几点开？', short: '每天九点开放。', sources: ['业委会答复 Q1（2025-06-01）'] })
    expect(kb.get('faq')?.path).toBe(skillsFaq) // the head of the learned file does not shadow skills/faq
  })

  it('refuses to append to an empty FAQ file, which it leaves alone', async () => {
    const file = path.join(dir, 'faq.md')
    await writeFile(file, '')
    await expect(appendFaq(file, { number: 7, question: '问题', answer: '答案', date: '2025-01-01' })).rejects.toThrow(/是空的/)
    expect(await readFile(file, 'utf8')).toBe('')
  })

  it('two first /收录 at once both keep their entry', async () => {
    const file = path.join(dir, 'new', 'faq.md')
    await Promise.all([4, 5, 6].map(async n => await appendFaq(file, { number: n, question: `问题${n}`, answer: `答案${n}`, date: '2025-01-01' })))
    const kb = await KnowledgeBase.open(repoSkills, { faqFile: file })
    expect(kb.problems).toEqual([])
    expect([4, 5, 6].map(n => kb.get(`faq-q${n}`)?.short)).toEqual(['答案4', '答案5', '答案6'])
  })

  it('refuses an empty or overlong answer and leaves the file alone; one already there is not added twice', async () => {
    const file = path.join(dir, 'faq.md')
    await appendFaq(file, { number: 2, question: '第一个问题', answer: '第一个答案', date: '2025-01-01' })
    const before = await readFile(file, 'utf8')
    await expect(appendFaq(file, { number: 1, question: '问题', answer: ' ', date: '2025-01-01' })).rejects.toThrow(FaqError)
    await expect(appendFaq(file, { number: 1, question: '问题', answer: '字'.repeat(301), date: '2025-01-01' })).rejects.toThrow(/300/)
    expect(await readFile(file, 'utf8')).toBe(before)
    await appendFaq(file, { number: 1, question: '问题', answer: '答案\n## 不是标题', date: '2025-01-01' })
    // in the file already (a stop before Q1 was marked collected): /收录 again completes it, adding nothing
    const collected = await readFile(file, 'utf8')
    expect(await appendFaq(file, { number: 1, question: '问题', answer: '答案', date: '2025-01-01' })).toBe('faq-q1')
    expect(await readFile(file, 'utf8')).toBe(collected)
    const kb = await KnowledgeBase.open(repoSkills, { faqFile: file })
    expect(kb.problems).toEqual([])
    expect(kb.get('faq-q1')?.short).toBe('答案\n不是标题')
    expect(kb.get('faq-q2')?.short).toBe('第一个答案')
  })

  it('reports a learned answer whose id another file already uses, and keeps the first', async () => {
    await put('faq', `${skill('faq')}\n## 问：手写的问题\n来源：业委会答复 Q3（2025-01-01）\n手写的答案\n`)
    const faqFile = path.join(dir, 'faq.md')
    await appendFaq(faqFile, { number: 3, question: '收录的问题', answer: '收录的答案', date: '2025-02-01' })
    const kb = await KnowledgeBase.open(dir, { faqFile })
    expect(kb.get('faq-q3')?.short).toBe('手写的答案')
    expect(kb.problems).toEqual([{ path: faqFile, message: expect.stringContaining('faq-q3') }])
  })
})
