import { afterEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openSandbox, ROOT, textsIn, type Harness } from '../helpers/sandbox-harness.js'

let h: Harness | undefined

afterEach(async () => { await h?.dispose(); h = undefined })

async function ledger (dataDir: string, ...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  return await new Promise(resolve => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/ledger.ts', ...args],
      { cwd: ROOT, env: { ...process.env, STORAGE_DIR: dataDir, LOG_LEVEL: 'silent' } },
      (err, stdout, stderr) => { resolve({ code: typeof err?.code === 'number' ? err.code : err === null ? 0 : 1, stdout, stderr }) })
  })
}

describe('npm run ledger', () => {
  it('refuses a bad file with row and column, and stores nothing', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-cli-'))
    const result = await ledger(dataDir, 'import', 'test/fixtures/ledger-bad.csv')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('第4行「资金」: 应为「维修资金」或「公共收益」')
    h = await openSandbox({ dataDir })
    const out = await h.run(':as 赵主任', ':dm', '/公示 预览')
    expect(out[0]?.text).toContain('没有待确认的草稿')
  })

  it('imports a draft that the chair is shown when the bot starts', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-cli-'))
    const result = await ledger(dataDir, 'import', 'test/fixtures/ledger-2026H2.xlsx')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('已保存为第1版草稿')
    h = await openSandbox({ dataDir })
    await h.session.settle()
    const chair = textsIn(h.sent, '私聊 赵主任')
    expect(chair[0]).toContain('财务（命令行导入）导入了2026年下半年的收支账目（第1版草稿')
    expect(chair).toContain('[文件] 收支草稿-2026H2-第1版.png')
  })
})
