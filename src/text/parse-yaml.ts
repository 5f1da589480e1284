import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The `yaml` package parses our ~40 YAML texts (skills, compound, complaint rules) at every
// start, and cold it is slow: ~250 ms CPU, the largest part of what the bot does before its
// first reply. The compiled bot (dist/) keeps each parse result as JSON in dist/.cache/yaml/,
// named by the SHA-256 of the yaml package's version and the exact text: a text that changes
// by one byte is another file, and `npm run build` empties dist/. JSON.parse reads it back in
// well under a millisecond, and the yaml package is not even loaded. Only results JSON
// reproduces exactly are kept (no warnings, no aliases, no -0 or Infinity...); errors are
// never kept, so a broken file fails as before. Run from src/ (tsx, tests) there is no cache.

type Yaml = typeof import('yaml')

const require = createRequire(import.meta.url)
let yaml: Yaml | undefined
const lib = (): Yaml => (yaml ??= require('yaml') as Yaml)

let cacheDir: string | undefined = defaultCacheDir()
let keyPrefix: string | undefined

function defaultCacheDir (): string | undefined {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
  return path.basename(root) === 'dist' ? path.join(root, '.cache', 'yaml') : undefined
}

/** Tests: where parse results are kept (undefined: not at all). */
export function setYamlCacheDir (dir: string | undefined): void {
  cacheDir = dir
}

/** What the yaml package's `parse(text)` returns (or throws, or warns), from the cache when it can. */
export function parseYamlText (text: string): unknown {
  if (cacheDir === undefined) return lib().parse(text)
  const file = path.join(cacheDir, `${cacheKey(text)}.json`)
  const cached = readCached(file)
  if (cached !== undefined) return cached[0]
  const { parse, parseDocument } = lib()
  const doc = parseDocument(text)
  // parse() itself reports these (throws the first error, prints warnings): left to it.
  if (doc.errors.length > 0 || doc.warnings.length > 0 || hasCollectionKey(doc)) return parse(text)
  const value = doc.toJS() // as parse(text) returns it
  if (exactInJson(value, new Set())) writeCached(cacheDir, file, value)
  return value
}

function cacheKey (text: string): string {
  keyPrefix ??= `yaml ${(require('yaml/package.json') as { version: string }).version}\0`
  return createHash('sha256').update(keyPrefix).update(text).digest('hex')
}

/** `[value]`: a file cut short is never valid JSON, so it is parsed again, not half read. */
function readCached (file: string): [unknown] | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const wrapped: unknown = JSON.parse(text)
    return Array.isArray(wrapped) && wrapped.length === 1 ? wrapped as [unknown] : undefined
  } catch {
    return undefined
  }
}

function writeCached (dir: string, file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(tmp, JSON.stringify([value]))
    renameSync(tmp, file) // atomic: a concurrent start reads the old state or the whole file
  } catch {
    // dist/ not writable (installed read-only): parsed again at the next start, as without a cache
    rmSync(tmp, { force: true })
  }
}

/** A mapping key that is a list or mapping: toJS warns as it stringifies it. */
function hasCollectionKey (doc: ReturnType<Yaml['parseDocument']>): boolean {
  const { visit, isScalar } = lib()
  let found = false
  visit(doc, {
    Pair (_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        found = true
        return visit.BREAK
      }
    }
  })
  return found
}

/** Whether JSON.parse(JSON.stringify(value)) is an equal copy, with no value shared twice. */
function exactInJson (value: unknown, seen: Set<object>): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (typeof value !== 'object') return false
  if (seen.has(value)) return false // an alias: a copy would no longer be the same object
  seen.add(value)
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false
    for (let i = 0; i < value.length; i++) if (!(i in value) || !exactInJson(value[i], seen)) return false
    return true
  }
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.getOwnPropertySymbols(value).length > 0) return false
  const keys = Object.getOwnPropertyNames(value)
  if (keys.length !== Object.keys(value).length) return false
  return keys.every(k => k !== '__proto__' && exactInJson((value as Record<string, unknown>)[k], seen))
}
