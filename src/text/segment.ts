import { Jieba } from '@node-rs/jieba'
import { readDictionary } from './jieba-dictionary.js'
import { toSimplified } from './to-simplified.js'

let jieba: Jieba | undefined

/**
 * One shared instance, built on first use from the trimmed dictionary (never the package's
 * full one: 49 MB more, and its `dict.js` also reads a 6 MB idf file we do not use).
 */
function instance (): Jieba {
  jieba ??= Jieba.withDict(readDictionary().words)
  return jieba
}

/** Load the dictionary now: a missing or unreadable one fails the start, not the first search. */
export function loadSegmenter (): void {
  instance()
}

const PUNCTUATION = /^[\s\p{P}\p{S}]+$/u

/**
 * Words of a text, Simplified first (jieba segments Traditional badly), punctuation
 * dropped, Latin lower-cased.
 */
export function segment (text: string): string[] {
  return instance()
    .cutForSearch(toSimplified(text), true)
    .map(w => w.trim().toLowerCase())
    .filter(w => w.length > 0 && !PUNCTUATION.test(w))
}
