import { spawnSync } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/sandbox-harness.js'

function runSandbox (input: string, dataDir: string, extra: string[] = []) {
  const env = { ...process.env, WECHATY_PUPPET_SERVICE_TOKEN: '', WECHATY_PUPPET: '', OPENAI_API_KEY: '', NO_COLOR: '1' }
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--data', dataDir, '--start', '2026-11-22 10:00', ...extra], { cwd: ROOT, input, env, encoding: 'utf8', timeout: 120_000 })
}

describe('npm start (sandbox)', () => {
  it('answers piped input and exits 0', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-cli-'))
    const r = runSandbox(':as 张阿姨\n@小区助手 你好\n:quit\n', dir, ['--fresh'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^\[阳光花园业主群\] 小区助手: @张阿姨 /m)
    expect(r.stdout).not.toContain('\x1b[')
    expect(r.stderr).toContain('连接真实微信')
  })

  it('indents continuation lines and continues where the last run stopped', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-cli-'))
    runSandbox(':as 赵主任\n:dm\n/角色 授予 wxid_li_xiansheng 委员\n:clock 2027-01-01 08:00\n', dir)
    const r = runSandbox(':as 李先生\n:dm\n/帮助\n:clock 2026-12-01 08:00\n:quit\n', dir)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^\[私聊 李先生\] 小区助手: 我是阳光花园的小区助手：[^\n]*\n {2}\S/m)
    expect(r.stderr).toContain('时钟只能向前拨') // the clock was saved at 2027-01-01
  })

  it('stops with a clear message on a service token without endpoint', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, input: '', env: { ...process.env, WECHATY_PUPPET_SERVICE_TOKEN: 'abc', WECHATY_PUPPET_SERVICE_ENDPOINT: '' }, encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('缺少 WECHATY_PUPPET_SERVICE_ENDPOINT')
  })
})
