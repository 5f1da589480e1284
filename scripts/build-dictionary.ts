import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DICTIONARY_FILE, HEADER } from '../src/text/jieba-dictionary.js'
import { toSimplified } from '../src/text/to-simplified.js'

// `npm run build:dictionary`: data/jieba-dictionary.txt = every word of jieba's full
// dictionary that occurs in the skills (or the stopword list), plus its TOP most frequent
// words, with their original frequencies and tags. Run it after editing skills/: a test
// compares the inputs' hash in the file's first line with the current inputs.

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const TOP = 20_000
/** Longer words are compounds jieba also finds from their parts. */
const MAX_WORD = 12
/** Bump when the selection below changes, so the file counts as stale. */
const RECIPE = 1

const FULL_DICTIONARY = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')

/** The texts whose words must be in the dictionary: skills' Markdown and YAML, the stopwords. */
export function inputFiles (): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(md|ya?ml)$/.test(e.name) ? [path.join(dir, e.name)] : [])
  return [...walk(path.join(ROOT, 'skills')), path.join(ROOT, 'src', 'knowledge', 'stopwords.ts')].sort()
}

/** sha256 over the recipe, the full dictionary and every input file (by path from the root). */
export function inputsHash (files = inputFiles()): string {
  const hash = createHash('sha256').update(`recipe ${RECIPE} top ${TOP} max ${MAX_WORD}\0`)
  hash.update(readFileSync(FULL_DICTIONARY)).update('\0')
  for (const file of files) hash.update(path.relative(ROOT, file).split(path.sep).join('/')).update('\0').update(readFileSync(file)).update('\0')
  return hash.digest('hex')
}

export function buildDictionary (files = inputFiles()): { text: string, words: number } {
  const inputs = toSimplified(files.map(f => readFileSync(f, 'utf8')).join('\n'))
  const substrings = new Set<string>()
  for (let i = 0; i < inputs.length; i++) {
    for (let n = 1; n <= MAX_WORD && i + n <= inputs.length; n++) substrings.add(inputs.slice(i, i + n))
  }
  const entries = readFileSync(FULL_DICTIONARY, 'utf8').split('\n').filter(l => l.trim() !== '')
  const frequency = (line: string) => Number(line.split(' ')[1])
  const frequent = new Set([...entries].sort((a, b) => frequency(b) - frequency(a)).slice(0, TOP))
  const kept = entries.filter(line => frequent.has(line) || substrings.has(line.split(' ')[0]!))
  return { text: `${HEADER}${inputsHash(files)}\n${kept.join('\n')}\n`, words: kept.length }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { text, words } = buildDictionary()
  writeFileSync(DICTIONARY_FILE, text)
  process.stdout.write(`${path.relative(ROOT, DICTIONARY_FILE)}: ${words} words, ${Math.round(text.length / 1024)} KB\n`)
}
