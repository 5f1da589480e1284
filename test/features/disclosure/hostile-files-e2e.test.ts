import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { openSandbox, ROOT, textsIn, type Harness } from '../../helpers/sandbox-harness.js'
import { HOSTILE } from '../../fixtures/hostile-spreadsheets.js'

const TREASURER = '私聊 钱委员'
const CHAIR = '私聊 赵主任'
let h: Harness | undefined

afterEach(async () => { await h?.dispose(); h = undefined })

async function write (name: string, data: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'xiaoqu-hostile-')), name)
  await writeFile(file, data)
  return file
}

describe('hostile spreadsheets sent to the bot', () => {
  it('are refused with a reason, nothing reaches the chair, and owners are still answered', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00')
    for (const kind of ['hidden_first_sheet', 'formula_amount', 'dde_text', 'zip_bomb', 'rows_20000'] as const) {
      const { make, says } = HOSTILE[kind]!
      const file = await write(`${kind}.xlsx`, await make())
      const out = await h.run(':as 钱委员', ':dm', `:send ${file}`)
      expect(textsIn(out, TREASURER).join('\n')).toContain(says)
      expect(textsIn(out, CHAIR)).toEqual([])
      const answer = await h.run(':as 张阿姨', ':in 阳光花园业主群', '/余额')
      expect(answer[0]?.text).toBeDefined()
    }
  })

  it('a file identical to the published statement is not a correction', async () => {
    h = await openSandbox()
    await h.run(':clock 2027-01-02 10:00', ':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.csv', ':as 赵主任', '/公示 发布')
    const again = await h.run(':as 钱委员', ':dm', ':send test/fixtures/ledger-2026H2.xlsx')
    expect(textsIn(again, TREASURER)[0]).toContain('与已公示的版本完全相同，没有需要更正的内容（第1版），未保存')
    expect(textsIn(again, CHAIR)).toEqual([])
    const publish = await h.run(':as 赵主任', ':dm', '/公示 发布 没改什么')
    expect(textsIn(publish, CHAIR)[0]).toContain('没有待确认的草稿')
  })
})

describe('npm run ledger -- check on hostile files', () => {
  it('refuses each with its reason and exit code 1', async () => {
    for (const kind of ['formula_text', 'huge_amounts', 'lying_zip_header'] as const) {
      const { make, says } = HOSTILE[kind]!
      const file = await write(`${kind}.xlsx`, await make())
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ledger.ts', 'check', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, STORAGE_DIR: path.dirname(file) } })
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(says)
    }
  })
})
