import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { BOT } from '../../src/sandbox/demo-world.js'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'

// What a reply costs on disk, seen at the moment it reaches WeChat: a confirmation (已登记 #N)
// only after an fdatasync covering the ticket and its card; a plain answer without one.

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

interface AtSend { text: string, syncs: number, journal: string }

/** Each message the bot sends, with the journal's fdatasync count and text at that moment. */
function watchSends (harness: Harness): AtSend[] {
  const sends: AtSend[] = []
  const { mocker, storage } = harness.session.runtime
  mocker!.puppet.on('message', ({ messageId }) => {
    const m = mocker!.messagePayload(messageId) as { talkerId?: string, text?: string }
    if (m.talkerId !== BOT.id) return
    sends.push({ text: m.text ?? '', syncs: storage.journalSyncs, journal: readFileSync(path.join(harness.dataDir, 'journal.jsonl'), 'utf8') })
  })
  return sends
}

/** A bot with nothing left to write, watched from now on. */
async function openQuiet (): Promise<{ harness: Harness, sends: AtSend[] }> {
  const harness = await openSandbox()
  await harness.run(':as 张阿姨')
  await harness.session.settle()
  await harness.session.runtime.storage.commit()
  return { harness, sends: watchSends(harness) }
}

describe('reply durability', () => {
  it('a plain answer goes out without an fdatasync, its queue record already in the journal', async () => {
    const opened = await openQuiet()
    h = opened.harness
    const { sends } = opened
    const before = h.session.runtime.storage.journalSyncs
    await h.run('@小区助手 你好', '/帮助', '@小区助手 维修资金怎么申请?')
    expect(sends).toHaveLength(3)
    for (const s of sends) {
      expect(s.syncs).toBe(before)
      // the 'sending' mark is written (a kill now cannot make it go twice)
      expect(s.journal).toMatch(/"op":"sending"/)
    }
  })

  it('a confirmation goes out only after the ticket and its card are fdatasynced', async () => {
    const opened = await openQuiet()
    h = opened.harness
    const { sends } = opened
    const before = h.session.runtime.storage.journalSyncs
    await h.run('@小区助手 投诉 3号楼电梯坏了好几天了，一直没人修')
    const confirmation = sends.find(s => /已登记/.test(s.text))
    expect(confirmation, JSON.stringify(sends.map(s => s.text))).toBeDefined()
    expect(confirmation!.syncs).toBeGreaterThan(before)
    expect(confirmation!.journal).toMatch(/"g":"tickets"/)
    expect(confirmation!.journal).toMatch(/新工单/)
  })

  it('a plain answer sent while another change waits is synced with it', async () => {
    const opened = await openQuiet()
    h = opened.harness
    const { sends } = opened
    const storage = h.session.runtime.storage
    // a weighty change by someone else, not yet committed: the answer may read it
    const probe = await storage.open('probe', () => ({ n: 0 }), { schema: z.object({ n: z.number() }) })
    probe.update(d => { d.n = 1 })
    const before = storage.journalSyncs
    await h.run('@小区助手 你好')
    expect(sends).toHaveLength(1)
    expect(sends[0]!.syncs).toBeGreaterThan(before)
    expect(sends[0]!.journal).toMatch(/"probe"/)
  })
})
