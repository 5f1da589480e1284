import { toHalfWidth } from '../text/to-simplified.js'

// Numerals with a magnitude (十五, 一千万), fractions and percentages in words, numerals
// with a counter (三个月, 七人), and Arabic figures. Over-matching (千万不要) only costs a
// fallback to the offline answer; under-matching would let an invented figure through.
const DIGITS = '零〇一二两三四五六七八九'
const FIGURES = [
  /\d+(?:[.,]\d+)*\s*%?/g,
  new RegExp(`[${DIGITS}十百千万亿]+分之[${DIGITS}十百千点]+`, 'g'),
  new RegExp(`[${DIGITS}]*[十百千万亿][${DIGITS}十百千万亿]*`, 'g'),
  new RegExp(`[${DIGITS}]+(?=个|名|人|位|日|天|周|月|年|次|成|倍|元|块|层|栋|号|届|票|户|项)`, 'g')
]

/** Every figure in a text, as written (full-width digits made half-width). */
export function findFigures (text: string): string[] {
  const plain = toHalfWidth(text)
  return [...new Set(FIGURES.flatMap(re => [...plain.matchAll(re)].map(m => m[0].replace(/\s+/g, ''))))]
}

/** Figures in `answer` that `source` never states (as a figure: 3 is not in 2023). */
export function inventedFigures (answer: string, source: string): string[] {
  const known = new Set(findFigures(source))
  return findFigures(answer).filter(f => !known.has(f))
}
