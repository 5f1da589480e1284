import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openSandbox, ROOT, textsIn, type Harness } from '../../helpers/sandbox-harness.js'

const OWNERS = '阳光花园业主群'
const CHAIR = '私聊 赵主任'
let h: Harness | undefined

afterEach(async () => { await h?.dispose(); h = undefined })

const HEADER = '日期,资金,收支,金额,项目,对方,批准文号/业主大会决议,备注'

/** A spreadsheet the treasurer sends, written to a temporary folder. */
async function sheet (name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-ledger-'))
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}

const fixture = async (): Promise<string> => await readFile(path.join(ROOT, 'test/fixtures/ledger-2026H2.csv'), 'utf8')

describe('corrections and early imports in the sandbox', () => {
  it('shows the chair and the owners what a correction changes, each fund whole in one message', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00', ':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.csv', ':as 赵主任', '/公示 发布')
    await h.run(':clock 2027-01-05 09:00')
    const corrected = await sheet('更正.csv', (await fixture()).replace('"8,910.50"', '"9,010.50"'))
    const preview = await h.run(':as 钱委员', `:send ${corrected}`)
    const chair = textsIn(preview, CHAIR).join('\n')
    expect(chair).toContain('与第1版相比：\n  · 公共收益收入「临时停车费」：¥17,550.50 → ¥17,650.50\n  · 公共收益期末余额：¥113,120.85 → ¥113,220.85')

    const out = await h.run(':as 赵主任', ':dm', '/公示 发布 8月临时停车费少记100元')
    const posted = textsIn(out, OWNERS)
    expect(posted[0]).toContain('〔更正〕本版更正此前公示的第1版。更正说明：8月临时停车费少记100元\n与第1版相比：')
    const fund = posted.find(t => t.includes('二、公共收益'))
    expect(fund).toContain('期末余额：¥113,220.85')
    expect(posted.every(t => t.length <= 500)).toBe(true)
  })

  it('keeps the next half-year as published when an earlier one is corrected, and tells the chair', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00', ':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.csv', ':as 赵主任', '/公示 发布')
    await h.run(':clock 2027-07-02 10:00')
    const h1 = await sheet('2027上.csv', [HEADER, '2027-02-10,公共收益,收入,"5,000.00",广告位租金,某某传媒,,', ''].join('\n'))
    await h.run(':as 钱委员', `:send ${h1}`, ':as 赵主任', '/公示 发布')
    const before = await h.run(':as 张阿姨', ':in 阳光花园业主群', '/余额')
    expect(before[0]?.text).toContain('公共收益：¥118,120.85')

    const corrected = await sheet('更正.csv', (await fixture()).replace('"8,910.50"', '"9,010.50"'))
    await h.run(':as 钱委员', ':dm', `:send ${corrected}`)
    const out = await h.run(':as 赵主任', '/公示 发布 8月临时停车费少记100元')
    expect(textsIn(out, CHAIR).join('\n')).toContain('2027年上半年已发布的第2版，期初余额是按更正前的数字结转的')
    const after = await h.run(':as 张阿姨', ':in 阳光花园业主群', '/余额')
    expect(after[0]?.text).toContain('公共收益：¥118,120.85')
  })

  it('warns about entries dated after today and a half-year not yet ended, and dates /余额 by the day it was published', async () => {
    h = await openSandbox()
    await h.run(':clock 2026-11-22 10:00')
    const imported = await h.run(':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx')
    const warning = '有3笔日期晚于今天（第11、12、13行），请核对日期是否写错。'
    expect(textsIn(imported, '私聊 钱委员')[0]).toContain(warning)
    expect(textsIn(imported, CHAIR)[0]).toContain(warning)
    expect(textsIn(imported, CHAIR)[0]).toContain('2026年下半年到2026-12-31才结束')
    await h.run(':as 赵主任', '/公示 发布')
    const balance = await h.run(':as 张阿姨', ':in 阳光花园业主群', '/余额')
    expect(balance[0]?.text).toContain('2026年下半年，截至2026-11-22（第1版）')
  })
})

describe('a chair who is not a friend of the bot', () => {
  it('gets one pointer in the work group for the whole preview, never the figures', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00', ':as 赵主任', ':dm', '/角色 授予 wxid_wang_nvshi 主任')
    const out = await h.run(':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx')
    const work = textsIn(out, '四位一体工作群')
    expect(work).toEqual(['@王女士 有一条需要主任处理的事项，请加我为好友后私聊查看。'])
    expect(textsIn(out, OWNERS)).toEqual([])
  })
})
