import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { auditSources } from '../../scripts/audit-sources.js'
import { loadSkills } from '../../src/knowledge/load-skills.js'

// The audit itself needs ../shared/seeds (npm run audit:sources); here it runs on made-up
// seed texts, so a plain clone still proves it finds what it should.
const { skills } = await loadSkills(fileURLToPath(new URL('../../skills/', import.meta.url)))
const base = skills.find(s => s.id === 'reception-day')!
const SEED = '042_0123456789abcdef.txt'

function seeds (text?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seeds-'))
  if (text !== undefined) writeFileSync(path.join(dir, SEED), text)
  return dir
}

describe('auditSources', () => {
  const skill = { ...base, sources: [SEED], short: '过半数同意，公示 7 日（042 ）。', steps: '1. 提交申请\n2. 三分之二的业主表决' }

  it('accepts figures the cited seed states, in digits or in words', () => {
    expect(auditSources([skill], seeds('公示期七日，须三分之二业主同意。'))).toEqual([])
  })

  it('reports a figure none of the sources has, and a seed file that does not exist', () => {
    expect(auditSources([skill], seeds('须三分之二业主同意。'))).toEqual(['reception-day: 数字「7」在其来源中找不到'])
    expect(auditSources([skill], seeds())).toContain(`reception-day: 来源文件不存在 ${SEED}`)
  })
})
