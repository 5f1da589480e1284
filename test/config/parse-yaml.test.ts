import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { parseYamlText, setYamlCacheDir } from '../../src/text/parse-yaml.js'
import { ROOT } from '../helpers/sandbox-harness.js'

describe('parseYamlText (the parse cache of the compiled bot)', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xiaoqu-yaml-cache-'))
    setYamlCacheDir(dir)
  })
  afterEach(async () => {
    setYamlCacheDir(undefined)
    await rm(dir, { recursive: true, force: true })
  })
  const cached = async () => await readdir(dir)

  it('returns what yaml.parse returns, parsed once and then read back from the cache', async () => {
    for (const file of ['skills/complaints/categories.yaml', 'skills/synonyms.yaml', 'config/compound.yaml']) {
      const text = await readFile(path.join(ROOT, file), 'utf8')
      expect(parseYamlText(text)).toEqual(parse(text))
      expect(parseYamlText(text)).toStrictEqual(parse(text))
    }
    expect(await cached()).toHaveLength(3)
  })

  it('keys the cache by the exact text: a changed text is parsed afresh', async () => {
    expect(parseYamlText('a: 1\n')).toEqual({ a: 1 })
    expect(parseYamlText('a: 2\n')).toEqual({ a: 2 })
    expect(parseYamlText('a: 1\n')).toEqual({ a: 1 })
    expect(await cached()).toHaveLength(2)
  })

  it('throws the same error for broken YAML and keeps nothing', async () => {
    const broken = 'a: [1, 2\nb: 3\n'
    expect(() => parseYamlText(broken)).toThrow((() => { try { parse(broken) } catch (err) { return (err as Error).message } })())
    expect(await cached()).toHaveLength(0)
  })

  it('keeps nothing JSON would not give back exactly', async () => {
    const shared = parseYamlText('a: &x [1, 2]\nb: *x\n') as { a: unknown, b: unknown }
    expect(shared.a).toBe(shared.b)
    expect(parseYamlText('a: .inf\nb: -0\n')).toEqual({ a: Infinity, b: -0 })
    // a list as a key: yaml warns as it makes it a string, every time
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    expect(parseYamlText('? [a, b]\n: 1\n')).toEqual(parse('? [a, b]\n: 1\n'))
    expect(warn).toHaveBeenCalledTimes(2)
    warn.mockRestore()
    expect(await cached()).toHaveLength(0)
  })

  it('parses again when a cache file is cut short or damaged', async () => {
    expect(parseYamlText('a: 1\n')).toEqual({ a: 1 })
    const [name] = await cached()
    await writeFile(path.join(dir, name!), '[{"a": 1}')
    expect(parseYamlText('a: 1\n')).toEqual({ a: 1 })
    await writeFile(path.join(dir, name!), '')
    expect(parseYamlText('a: 1\n')).toEqual({ a: 1 })
    expect(JSON.parse(await readFile(path.join(dir, name!), 'utf8'))).toEqual([{ a: 1 }])
  })

  it('without a cache directory it only parses (src/, tests)', async () => {
    setYamlCacheDir(undefined)
    const spy = vi.spyOn(JSON, 'parse')
    expect(parseYamlText('a: [1]\n')).toEqual({ a: [1] })
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  })
})
