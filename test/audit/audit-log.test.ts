import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AuditLog } from '../../src/audit/audit-log.js'
import { ManualClock } from '../../src/clock/clock.js'
import { Storage } from '../../src/storage/storage.js'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('audit log', () => {
  it('records audited and refused commands by month, and reads a month back', async () => {
    h = await openSandbox()
    await h.run(':as 李先生', '/角色 列表', ':as 赵主任', ':clock 2026-12-01 09:00', '/角色 列表')
    const audit = h.session.runtime.app.audit as AuditLog
    expect(audit.months()).toEqual(['2026-11', '2026-12'])
    expect(await audit.month('2026-11')).toEqual([expect.objectContaining({ who: 'wxid_li_xiansheng', action: '/角色', result: 'refused: role' })])
    expect(await audit.month('2026-12')).toEqual([expect.objectContaining({ who: 'wxid_zhao_zhuren', action: '/角色', result: 'ok' })])
  })

  it('moves the entries of an old audit.json into the log once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-audit-'))
    const old = { at: '2026-10-31T17:00:00.000Z', who: 'wxid_zhao_zhuren', action: '/角色', args: '列表', result: 'ok' }
    await writeFile(path.join(dir, 'audit.json'), JSON.stringify({ schemaVersion: 1, data: { entries: [old] } }))
    const clock = new ManualClock(new Date('2026-12-07T01:00:00Z'))
    for (let run = 0; run < 2; run++) {
      const storage = new Storage(dir)
      const audit = await AuditLog.open(storage, clock)
      expect(await audit.month('2026-11')).toEqual([old]) // 01:00 on 1 November in Beijing
      await storage.close()
    }
  })
})
