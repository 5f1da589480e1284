import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDictionary, inputFiles, inputsHash } from '../../scripts/build-dictionary.js'
import { DICTIONARY_FILE, readDictionary } from '../../src/text/jieba-dictionary.js'
import { segment } from '../../src/text/segment.js'

describe('the trimmed jieba dictionary', () => {
  it('was generated from the current skills (if not: npm run build:dictionary)', () => {
    expect(readDictionary().inputsHash, 'data/jieba-dictionary.txt is stale: run npm run build:dictionary').toBe(inputsHash())
  })

  it('is exactly what the script writes, never edited by hand', () => {
    expect(readFileSync(DICTIONARY_FILE, 'utf8') === buildDictionary().text).toBe(true)
  })

  it('counts a changed skill as a change of its inputs', () => {
    const extra = path.join(mkdtempSync(path.join(tmpdir(), 'dict-')), 'SKILL.md')
    writeFileSync(extra, '# 新技能\n电动自行车充电桩')
    expect(inputsHash([...inputFiles(), extra])).not.toBe(inputsHash())
  })

  it('keeps the domain words of the skills whole, Traditional input included', () => {
    expect(segment('維修資金怎麼申請')).toEqual(expect.arrayContaining(['维修', '资金', '申请']))
    expect(segment('三分之二的业主同意，下水管堵了')).toEqual(expect.arrayContaining(['三分之二', '下水管']))
  })
})
