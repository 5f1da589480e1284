import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createComplaintClassifier } from '../../src/complaints/classify-complaint.js'
import { correctionCount, loadCorrections, recordCorrection } from '../../src/complaints/corrections.js'
import { loadComplaintSkills } from '../../src/complaints/load-complaint-skills.js'
import { Storage } from '../../src/storage/storage.js'

const classify = createComplaintClassifier(loadComplaintSkills())
const dirs: string[] = []
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }) })

async function storage (dir?: string): Promise<{ storage: Storage, dir: string }> {
  const d = dir ?? await mkdtemp(path.join(tmpdir(), 'corrections-'))
  dirs.push(d)
  return { storage: new Storage(d), dir: d }
}
const at = '2026-12-07T01:00:00.000Z'

describe('corrections', () => {
  it('reroute a near-repeat of a transferred text at once, and survive a restart', async () => {
    const { storage: s, dir } = await storage()
    await loadCorrections(s)
    const text = '6号楼2单元门口有人摆摊卖菜，占了人行道'
    expect(classify(text).bodies[0]).toBe('urban')
    recordCorrection({ text, category: 'illegal_construction', body: 'property', action: 'transfer', ticketNo: 1, by: 'wxid_chen', at })
    expect(classify(text).bodies[0]).toBe('property')
    expect(classify('投诉 6号楼2单元门口有人摆摊卖菜，占了人行道').bodies[0]).toBe('property')
    expect(classify('3号楼电梯坏了').bodies[0]).toBe('property') // unrelated texts keep their routing
    await s.close()
    const reopened = (await storage(dir)).storage
    await loadCorrections(reopened)
    await reopened.close()
    expect(correctionCount()).toBe(1)
  })

  it('takes a withdrawn text for no complaint, but never silences an urgent one', async () => {
    const { storage: s } = await storage()
    await loadCorrections(s)
    recordCorrection({ text: '东门的道闸坏了抬不起来', category: null, action: 'withdraw', ticketNo: 2, by: 'wxid_qian', at })
    expect(classify('东门的道闸坏了抬不起来').isComplaint).toBe(false)
    recordCorrection({ text: '3号楼电梯困人了', category: null, action: 'withdraw', ticketNo: 3, by: 'wxid_qian', at })
    expect(classify('3号楼电梯困人了')).toMatchObject({ isComplaint: true, urgent: true })
    await s.close()
  })
})
