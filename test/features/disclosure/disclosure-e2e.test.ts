import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openSandbox, ROOT, textsIn, type Harness } from '../../helpers/sandbox-harness.js'

const OWNERS = '阳光花园业主群'
let h: Harness | undefined

afterEach(async () => { await h?.dispose(); h = undefined })

describe('fund statement disclosure in the sandbox', () => {
  it('treasurer sends the spreadsheet, the chair confirms, the statement is posted once on January 5', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00')
    const imported = await h.run(':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx')
    expect(textsIn(imported, '私聊 钱委员')[0]).toContain('已存为第1版草稿')
    const preview = textsIn(imported, '私聊 赵主任')
    expect(preview.join('\n')).toContain('〔草稿预览，尚未公示〕')
    expect(preview).toContain('[文件] 收支草稿-2026H2-第1版.png')
    expect(textsIn(imported, OWNERS)).toEqual([])

    // owners never see drafts
    const early = await h.run(':as 张阿姨', ':in 阳光花园业主群', '/余额')
    expect(early[0]?.text).toContain('还没有经业委会主任确认发布的收支公示')

    const published = await h.run(':as 赵主任', ':dm', '/公示 发布')
    expect(textsIn(published, '私聊 赵主任')[0]).toContain('将于2027年1月5日（周二）09:00按日程公示到业主群')
    expect(textsIn(published, OWNERS)).toEqual([])

    await h.run(':clock 2027-01-05 08:59')
    const due = await h.run(':clock 2027-01-05 09:00')
    // the text (split by the outbox near 500 characters), then the table image
    const posted = textsIn(due, OWNERS)
    expect(posted.at(-1)).toBe('[文件] 收支公示-2026H2-第1版.png')
    expect(posted.filter(t => t.startsWith('[文件]'))).toHaveLength(1)
    expect(posted[0]).toContain('【阳光花园 2026年下半年 维修资金和公共收益收支公示】')
    expect(posted.join('\n')).toContain('期末余额：¥1,199,346.05')
    expect(textsIn(due, '私聊 赵主任').join('\n')).toContain('【发送报告】维修资金和公共收益收支公示')

    await h.run(':clock 2027-01-05 09:01', ':clock 2027-01-06 09:00')
    expect(textsIn(h.sent, OWNERS).filter(t => t.includes('收支公示】'))).toHaveLength(1)

    const balance = await h.run(':as 张阿姨', ':in 阳光花园业主群', '/余额')
    expect(balance[0]?.text).toContain('维修资金：¥1,199,346.05')
  })

  it('refuses a bad spreadsheet row by row and stores nothing', async () => {
    h = await openSandbox()
    const out = await h.run(':as 钱委员', ':dm', ':send test/fixtures/ledger-bad.csv')
    const reply = textsIn(out, '私聊 钱委员').join('\n')
    expect(reply).toContain('整个文件都没有导入')
    expect(reply).toContain('第3行「金额」: 应为正数，最多两位小数')
    expect(textsIn(out, '私聊 赵主任')).toEqual([])
    const nothing = await h.run(':as 赵主任', '/公示 发布')
    expect(nothing[0]?.text).toContain('没有待确认的草稿')
  })

  it('shows the chair the draft privately when asked in a group', async () => {
    h = await openSandbox()
    await h.run(':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx')
    const out = await h.run(':as 赵主任', ':in 阳光花园业主群', '/公示 预览')
    expect(textsIn(out, OWNERS)).toEqual(['@赵主任 已私聊发给您。'])
    expect(textsIn(out, '私聊 赵主任').at(-1)).toBe('[文件] 收支草稿-2026H2-第1版.png')
  })

  it('does not let an owner import accounts or publish', async () => {
    h = await openSandbox()
    const out = await h.run(':as 张阿姨', ':dm', ':send test/fixtures/ledger-2026H2.csv', '/公示 发布')
    expect(out[0]?.text).toContain('只有财务或业委会主任可以导入收支账目')
    expect(out[1]?.text).toContain('需要业委会主任身份')
  })

  it('publishes a correction with 更正 at once when the statement was already posted', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00', ':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx', ':as 赵主任', '/公示 发布')
    await h.run(':clock 2027-01-05 09:00')
    const fixed = path.join(await mkdtemp(path.join(tmpdir(), 'xiaoqu-ledger-')), '更正.csv')
    await writeFile(fixed, (await readFile(path.join(ROOT, 'test/fixtures/ledger-2026H2.csv'), 'utf8')).replace('2026-09-30,维修资金', '2026-09-29,维修资金'))
    await h.run(':as 钱委员', `:send ${fixed}`)
    const refused = await h.run(':as 赵主任', '/公示 发布')
    expect(refused[0]?.text).toContain('请写明更正说明')
    const out = await h.run('/公示 发布 利息收入记账日期更正')
    const posted = textsIn(out, OWNERS)
    expect(posted[0]).toContain('〔更正〕本版更正此前公示的第1版。更正说明：利息收入记账日期更正')
    expect(posted.at(-1)).toBe('[文件] 收支更正-2026H2-第2版.png')
  })
})
