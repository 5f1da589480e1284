import { segment } from '../text/segment.js'
import { toSimplified } from '../text/to-simplified.js'
import { STOPWORDS } from './stopwords.js'

/** Synonym groups compiled: fold variants into their canonical word, name the concepts. */
export interface Lexicon {
  canonicalize: (text: string) => string
  /** canonical words present in an already canonicalized text */
  concepts: (text: string) => string[]
}

/**
 * Synonym groups (first word canonical) → one replacement pass, longest variant first, so
 * 物业服务企业 wins over 物业 and nothing is replaced twice.
 */
export function compileSynonyms (groups: readonly string[][]): Lexicon {
  const map = new Map<string, string>()
  const canonicals = new Set<string>()
  for (const group of groups) {
    const [canonical, ...variants] = group.map(w => toSimplified(w).toLowerCase())
    if (!canonical) continue
    canonicals.add(canonical)
    // The canonical word maps to itself so that a shorter variant of another group
    // (物管 → 物业) cannot bite into it (物管会).
    for (const v of [canonical, ...variants]) if (v) map.set(v, canonical)
  }
  const pattern = map.size > 0
    ? new RegExp([...map.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g')
    : undefined
  return {
    canonicalize: text => pattern ? text.replace(pattern, v => map.get(v) ?? v) : text,
    concepts: text => [...canonicals].filter(c => text.includes(c))
  }
}

function escape (word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// A synonym concept is one strong term (jieba may cut 业主委员会 into 业主/委员会, which
// every skill has); bigrams only back words up, at full weight a two-character word
// would count twice.
const WEIGHTS: Record<string, number> = { '#': 1.5, '~': 0.5 }

export function termWeight (term: string): number {
  return WEIGHTS[term[0] ?? ''] ?? 1
}

/**
 * Search terms of a text: jieba words (Simplified, synonyms folded, stop words dropped),
 * `#concept` for each synonym group present, and `~xy` character bigrams inside each run
 * of Chinese, which catch one-character typos and words cut differently.
 */
export function searchTerms (text: string, lexicon: Lexicon): string[] {
  const simplified = lexicon.canonicalize(toSimplified(text).toLowerCase())
  const words = segment(simplified).filter(w => !STOPWORDS.has(w))
  return [...words, ...lexicon.concepts(simplified).map(c => `#${c}`), ...bigrams(simplified)]
}

function bigrams (text: string): string[] {
  const out: string[] = []
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run]
    for (let i = 0; i + 1 < chars.length; i++) {
      const [a = '', b = ''] = [chars[i], chars[i + 1]]
      if (!STOPWORDS.has(a) || !STOPWORDS.has(b)) out.push(`~${a}${b}`)
    }
  }
  return out
}
