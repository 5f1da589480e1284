import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatChecks, runDoctor } from '../../src/cli/doctor.js'
import { freePort, Gateway, TOKEN } from '../gateway/gateway-harness.js'
import { MISCONFIGURATIONS } from '../gateway/misconfigurations.js'
import { ROOT } from '../helpers/sandbox-harness.js'

let dataDir: string
let gateway: Gateway | undefined
beforeAll(async () => { dataDir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-doctor-')) })
afterAll(async () => { await rm(dataDir, { recursive: true, force: true }) })
afterEach(async () => { await gateway?.kill(); gateway = undefined })

async function doctor (env: Record<string, string>, gw?: { tls: boolean, token: string }) {
  const port = await freePort()
  if (gw) {
    gateway = new Gateway(port, gw)
    await gateway.start()
  }
  return await runDoctor({ STORAGE_DIR: dataDir, WECHATY_PUPPET_SERVICE_TOKEN: TOKEN, WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${port}`, ...env }, ROOT, 5000)
}

describe('npm run doctor', () => {
  it('ticks every line for a correct set-up, without starting the gateway\'s puppet', async () => {
    const checks = await doctor({}, { tls: false, token: TOKEN })
    expect(checks.map(c => c.ok)).toEqual([true, true, true, true])
    expect(checks[3]!.detail).toMatch(/已连上 127\.0\.0\.1:\d+，令牌有效/)
    expect(gateway!.puppet.state.active()).toBe(false)
    expect(formatChecks(checks)).toMatch(/^✓ 设置（\.env）：网关 127\.0\.0\.1:\d+，TLS 关闭\n✓ 小区配置：.*\n全部通过。$/s)
  })

  for (const m of MISCONFIGURATIONS) {
    it(`reports ${m.name}`, async () => {
      const checks = await doctor(m.env, m.gateway)
      const gatewayLine = checks.find(c => c.name === '微信网关')!
      expect(gatewayLine.ok).toBe(false)
      expect(gatewayLine.detail).toMatch(m.says)
      expect(formatChecks(checks)).toContain('1 项未通过')
    })
  }

  it('reports bad settings, a missing compound file and an unwritable data directory', async () => {
    expect((await runDoctor({ LOG_LEVEL: 'loud' }, ROOT))[0]).toMatchObject({ ok: false, detail: expect.stringContaining('LOG_LEVEL') })
    await writeFile(path.join(dataDir, 'a-file'), '')
    const checks = await runDoctor({ COMPOUND_FILE: 'nowhere.yaml', STORAGE_DIR: path.join(dataDir, 'a-file') }, ROOT)
    expect(checks.map(c => [c.name, c.ok])).toEqual([['设置（.env）', true], ['小区配置', false], ['数据目录', false], ['微信网关', true]])
    expect(checks[1]!.detail).toContain('COMPOUND_FILE')
  })

  it('exits 1 with the checklist on stdout', async () => {
    const port = await freePort()
    const err = await new Promise<{ code: unknown, stdout: string }>(resolve => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/doctor.ts'], {
        cwd: ROOT,
        env: { ...process.env, STORAGE_DIR: dataDir, WECHATY_PUPPET_SERVICE_TOKEN: TOKEN, WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${port}` }
      }, (e, stdout) => resolve({ code: e ? e.code : 0, stdout }))
    })
    expect(err?.code).toBe(1)
    expect(err?.stdout).toMatch(/✗ 微信网关：连不上网关/)
  })
})
