import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CompoundError, loadCompound, parseCompound } from '../../src/config/load-compound.js'
import { ROOT } from '../helpers/sandbox-harness.js'

const base = 'name: 测试小区\nowner_groups:\n  - room_topic: 测试业主群\n'

describe('compound YAML', () => {
  it('the demo compound is valid', async () => {
    const c = await loadCompound(path.join(ROOT, 'config/compound.yaml'))
    expect(c.name).toBe('阳光花园')
    expect(c.roster.find(r => r.name === '赵主任')?.roles).toContain('chair')
  })

  it.each([
    [base + 'roster:\n  - { id: wxid_a, name: 甲, roles: [国王] }\n', 'roster.0.roles.0'],
    [base + 'bodies:\n  property: { name: 物业, target: {} }\n', 'bodies.property.target'],
    [base + 'bodies:\n  plumber: { name: 水管工 }\n', 'bodies'],
    ['name: 测试小区\nowner_groups: []\n', 'owner_groups'],
    [base + 'info:\n  reception_day: 5\n', 'info.reception_day'],
    [base + 'calendar:\n  fund_statement: { cron: "every january" }\n', 'calendar.fund_statement.cron'],
    [base + 'deadlines:\n  urgent: { close: 两小时 }\n', 'deadlines.urgent.close']
  ])('reports a bad value by file and field (%#)', (yaml, field) => {
    expect(() => parseCompound(yaml, 'compound.yaml')).toThrow(CompoundError)
    expect(() => parseCompound(yaml, 'compound.yaml')).toThrow(new RegExp(`^compound\\.yaml: 字段 ${field.replace(/\./g, '\\.')} 有误：`))
  })

  it('reports broken YAML syntax and a missing file clearly', async () => {
    expect(() => parseCompound('name: [', 'c.yaml')).toThrow(/c\.yaml: YAML 格式错误/)
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-yaml-'))
    await writeFile(path.join(dir, 'x.yaml'), base)
    await expect(loadCompound(path.join(dir, 'missing.yaml'))).rejects.toThrow(/找不到小区配置文件/)
  })
})
