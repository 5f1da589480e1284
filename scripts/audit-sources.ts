import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { loadSkills } from '../src/knowledge/load-skills.js'
import { FAQ_ID, MANUAL_SOURCE, parseSource, type Skill } from '../src/knowledge/skill-schema.js'

// `npm run audit:sources [SEEDS_DIR]`: checks the skills against the seed texts they cite
// (default ../shared/seeds beside the repository, which a plain clone does not have, so this
// is not part of `npm test`; .ci/run runs it when the folder exists). Exit 1 on any problem.

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const DEFAULT_SEEDS_DIR = path.join(ROOT, '..', 'shared', 'seeds')

// Figures of the national rules the skills cite (the laws are not in the repository;
// domain.md states those of articles 278 and the 指导规则).
const LAW_FIGURES: Record<string, string> = {
  民法典第二百七十八条: '三分之二 四分之三',
  民法典第九百四十六条: '60',
  业主大会和业主委员会指导规则: '15 20% 5 11',
  // what the bot does (its commands and examples of them)
  [MANUAL_SOURCE]: '1 2 3 4 5 27'
}

/** Every seed file a skill names exists, and every figure a skill states is in one of its sources. */
export function auditSources (skills: Skill[], seedsDir: string): string[] {
  const problems: string[] = []
  for (const s of skills.filter(s => s.id !== FAQ_ID && !s.id.startsWith('faq-'))) {
    const cited: string[] = []
    for (const source of s.sources) {
      const ref = parseSource(source)
      if (ref?.kind === 'law' || ref?.kind === 'manual') cited.push(LAW_FIGURES[ref.text] ?? '')
      if (ref?.kind !== 'seed') continue
      const file = path.join(seedsDir, ref.file)
      if (existsSync(file)) cited.push(readFileSync(file, 'utf8'))
      else problems.push(`${s.id}: 来源文件不存在 ${ref.file}`)
    }
    for (const figure of figures(`${s.short}\n${s.brief ?? ''}\n${s.steps}`)) {
      if (!cited.some(t => mentions(t, figure))) problems.push(`${s.id}: 数字「${figure}」在其来源中找不到`)
    }
  }
  return problems
}

/** "7" is in a text that says 7 or 七 as a number of its own (not inside 2017). */
function mentions (text: string, figure: string): boolean {
  if (!/^\d+%?$/.test(figure)) return text.includes(figure)
  const n = Number(figure.replace('%', ''))
  const arabic = new RegExp(`(?<![\\d.])${n}(?![\\d.])${figure.endsWith('%') ? '%' : ''}`)
  return arabic.test(text) || (!figure.endsWith('%') && n < 100 && text.includes(chinese(n)))
}

function chinese (n: number): string {
  const d = '零一二三四五六七八九'
  if (n < 10) return d[n] ?? ''
  const tens = Math.floor(n / 10)
  return `${tens > 1 ? d[tens] : ''}十${n % 10 > 0 ? d[n % 10] : ''}`
}

/** Arabic figures and Chinese fractions, leaving out step numbers, question numbers (Q12) and source markers. */
function figures (text: string): string[] {
  const plain = text
    .replace(/\{\{[^}]+\}\}/g, '')
    .replace(/(^|\s|；)\d+[.)、]\s/gm, '$1')
    .replace(/Q\d+/g, '')
    .replace(/(?<=[（、])\d{3}(?=[ ）、])/g, '') // source markers (000)
  return [...plain.matchAll(/\d+%?|[一二三四五六七八九十]分之[一二三四五六七八九十]/g)].map(m => m[0])
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const seedsDir = path.resolve(process.argv[2] ?? DEFAULT_SEEDS_DIR)
  if (!existsSync(seedsDir)) {
    process.stderr.write(`找不到种子文本目录 ${seedsDir}（可作为参数指定）。\n`)
    process.exit(1)
  }
  const { skills, problems: loading } = await loadSkills(path.join(ROOT, 'skills'))
  const problems = [...loading.map(p => `${path.relative(ROOT, p.path)}: ${p.message}`), ...auditSources(skills, seedsDir)]
  for (const p of problems) process.stdout.write(`✗ ${p}\n`)
  process.stdout.write(problems.length === 0 ? `✓ ${skills.length} 个技能的来源与数字均已核对（${seedsDir}）\n` : `${problems.length} 个问题\n`)
  process.exit(problems.length === 0 ? 0 : 1)
}
