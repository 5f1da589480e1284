import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { toSimplified } from './to-simplified.js'

let jieba: Jieba | undefined

/** One shared dictionary: loading it costs ~100 ms, so it happens on first use only. */
function instance (): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
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
