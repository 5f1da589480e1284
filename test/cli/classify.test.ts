import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = path.join(root, 'src', 'cli', 'classify.ts')

/** Run the CLI through npx from the repository, offline, pointed at an empty storage folder. */
async function run (storage: string, input: string): Promise<{ lines: any[], stderr: string, code: number | null }> {
  const env = { ...process.env, OPENAI_API_KEY: '', STORAGE_DIR: storage }
  const child = spawn('npx', ['--no-install', 'tsx', cli], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  child.stdin.end(input)
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { lines: stdout.split('\n').filter(Boolean).map(l => JSON.parse(l)), stderr, code }
}

describe('npm run classify', () => {
  let storage: string
  beforeAll(async () => { storage = await mkdtemp(path.join(tmpdir(), 'classify-')) })
  afterAll(async () => { await rm(storage, { recursive: true, force: true }) })

  it('answers each JSON line in order, reports a bad line in place and goes on, writes nothing', async () => {
    const input = [
      JSON.stringify({ text: '@小区助手 维修资金怎么申请?', chat: 'group', mentioned: true }),
      'this is not json',
      JSON.stringify({ text: '谢谢大家' }),
      JSON.stringify({ chat: 'private' }),
      '',
      JSON.stringify({ text: '／帮助' }),
      JSON.stringify({ text: '業委會接待日是哪天？' })
    ].join('\n') + '\n'
    const before = await snapshot(path.join(root, 'storage'))
    const { lines, code } = await run(storage, input)
    expect(code).toBe(0)
    expect(lines).toHaveLength(6)
    expect(lines[0]).toMatchObject({ intent: 'question', skill: 'maintenance-fund-use', category: null, bodies: [], urgent: false })
    expect(lines[0].score).toBeGreaterThan(0)
    expect(lines[1]).toEqual({ error: expect.stringContaining('JSON') })
    expect(lines[2]).toEqual({ intent: 'chat', category: null, bodies: [], urgent: false, skill: null, score: 0 })
    expect(lines[3]).toEqual({ error: expect.stringContaining('text') })
    expect(lines[4]).toMatchObject({ intent: 'command' })
    expect(lines[5]).toMatchObject({ intent: 'question', skill: 'reception-day' })
    expect(await readdir(storage)).toEqual([])
    expect(await snapshot(path.join(root, 'storage'))).toEqual(before)
  })

  it('classifies a complaint with the complaint fields', async () => {
    const input = [
      { text: '3号楼电梯困人了，快来人！', chat: 'group' },
      { text: '电梯又坏了 5号楼 老人下不了楼', chat: 'group', mentioned: true },
      { text: '電瓶車能不能在樓道充電', chat: 'group', mentioned: true }
    ].map(l => JSON.stringify(l)).join('\n') + '\n'
    const { lines } = await run(storage, input)
    expect(lines[0]).toMatchObject({ intent: 'complaint', urgent: true, skill: null })
    expect(lines[0].bodies[0]).toBe('property')
    // issue 10: the bot's own decision — a stranded elderly owner is urgent, a question is not a ticket
    expect(lines[1]).toMatchObject({ intent: 'complaint', category: 'elevator', urgent: true })
    expect(lines[2]).toMatchObject({ intent: 'question', offer: true, category: null })
  })
})

/** Names and modification times of the files in a folder. */
async function snapshot (dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return await Promise.all(names.sort().map(async n => `${n} ${(await stat(path.join(dir, n))).mtimeMs}`))
}
