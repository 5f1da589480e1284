import { afterEach, describe, expect, it } from 'vitest'
import { parseShanghai } from '../../../src/clock/shanghai-time.js'
import { saveSandboxClock } from '../../../src/sandbox/sandbox-clock.js'
import { openSandbox, textsIn, type Harness } from '../../helpers/sandbox-harness.js'

const OWNERS = '阳光花园业主群'
let h: Harness | undefined

afterEach(async () => { await h?.dispose(); h = undefined })

/** Stops the bot and starts it again on the same data, the clock having moved while it was down. */
async function downUntil (time: string): Promise<Harness> {
  const dataDir = h!.dataDir
  await h!.close()
  await saveSandboxClock(dataDir, parseShanghai(time)!)
  h = await openSandbox({ dataDir })
  await h.session.settle()
  return h
}

async function publishedLedger (): Promise<Harness> {
  h = await openSandbox()
  await h.run(':clock 2027-01-02 10:00', ':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx', ':as 赵主任', '/公示 发布')
  await h.run(':clock 2027-01-04 20:00')
  return h
}

const statementPosts = (texts: string[]): string[] => texts.filter(t => t.startsWith('[文件] 收支公示'))

describe('the schedule across restarts', () => {
  it('sends a statement missed while down once, when restarted inside its 7-day window', async () => {
    await publishedLedger()
    const restarted = await downUntil('2027-01-07 10:00')
    // caught up at start, before any tick
    expect(statementPosts(textsIn(restarted.sent, OWNERS))).toEqual(['[文件] 收支公示-2026H2-第1版.png'])
    expect(textsIn(restarted.sent, '私聊 赵主任').join('\n')).toContain('补发：原定2027年1月5日（周二）09:00')

    await restarted.run(':clock 2027-01-07 10:05', ':clock 2027-01-08 09:00')
    const again = await downUntil('2027-01-09 09:00')
    await again.run(':clock 2027-01-09 09:01')
    expect(statementPosts(textsIn(again.sent, OWNERS))).toEqual([])
    expect(statementPosts(textsIn(restarted.sent, OWNERS))).toHaveLength(1)
  })

  it('reports a statement missed beyond its window to the chair instead of posting it', async () => {
    await publishedLedger()
    const restarted = await downUntil('2027-01-13 10:00')
    expect(statementPosts(textsIn(restarted.sent, OWNERS))).toEqual([])
    const chair = textsIn(restarted.sent, '私聊 赵主任').join('\n')
    expect(chair).toContain('· 维修资金和公共收益收支公示（原定2027年1月5日）')
    expect(chair).toContain('发送「/公示 补发」立即发到业主群')

    // the chair makes up for it with one command, and cannot post it twice
    const reposted = await restarted.run(':as 赵主任', ':dm', '/公示 补发')
    expect(statementPosts(textsIn(reposted, OWNERS))).toEqual(['[文件] 收支公示-2026H2-第1版.png'])
    expect(textsIn(reposted, '私聊 赵主任')[0]).toContain('已补发2026年下半年收支公示（第1版），正在发到：阳光花园业主群')
    const twice = await restarted.run('/公示 补发', ':clock 2027-01-14 09:00')
    expect(statementPosts(textsIn(twice, OWNERS))).toEqual([])
    expect(textsIn(twice, '私聊 赵主任')[0]).toContain('已经发到所有业主群，不再重复发送')
  })

  it('reports a long stop to the chair once, job by job with the dates and what to do', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00')
    const restarted = await downUntil('2027-05-01 10:00')
    const reports = textsIn(restarted.sent, '私聊 赵主任').filter(t => t.includes('【日程提醒】'))
    expect(reports).toHaveLength(1)
    const report = reports[0] ?? ''
    expect(report).toContain('· 业委会月度例会提醒（原定2027年1月3日、2027年2月3日、2027年3月3日等4次）')
    expect(report).toContain('「/会议 新建 业委会例会 日期 时间 地点 议题」')
    expect(report).not.toContain('cron')
    await restarted.run(':clock 2027-05-01 10:05')
    expect(textsIn(restarted.sent, '私聊 赵主任').filter(t => t.includes('【日程提醒】'))).toHaveLength(1)
  })

  it('tells the chair when the statement is due but nothing was published, and posts at once when published', async () => {
    h = await openSandbox()
    const due = await h.run(':clock 2027-01-05 09:00')
    expect(textsIn(due, OWNERS)).toEqual([])
    expect(textsIn(due, '私聊 赵主任').join('\n')).toContain('按日程1月5日应公示2026年下半年维修资金和公共收益收支，但账目还没有经主任确认发布')
    const late = await h.run(':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.csv', ':as 赵主任', '/公示 发布')
    expect(statementPosts(textsIn(late, OWNERS))).toEqual(['[文件] 收支公示-2026H2-第1版.png'])
    await h.run(':clock 2027-01-06 09:00')
    expect(statementPosts(textsIn(h.sent, OWNERS))).toHaveLength(1)
  })
})
