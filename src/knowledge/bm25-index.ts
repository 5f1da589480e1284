/**
 * BM25F over a few weighted fields per document (title, examples, text). Small enough to
 * rebuild on every /收录: a few thousand terms for all skills.
 */
export interface IndexedDoc { id: string, fields: Array<{ terms: string[], weight: number }> }
export interface Hit { id: string, score: number }

// Textbook defaults (Robertson & Zaragoza); documents are short, so length matters little.
const K1 = 1.2
const B = 0.75

export class Bm25Index {
  private readonly tf = new Map<string, Map<string, number>>() // term → doc → weighted tf
  private readonly length = new Map<string, number>()
  private readonly avgLength: number
  readonly size: number

  constructor (docs: IndexedDoc[]) {
    this.size = docs.length
    let total = 0
    for (const doc of docs) {
      let len = 0
      for (const field of doc.fields) {
        for (const term of field.terms) {
          const postings = this.tf.get(term) ?? new Map<string, number>()
          postings.set(doc.id, (postings.get(doc.id) ?? 0) + field.weight)
          this.tf.set(term, postings)
        }
        len += field.terms.length * field.weight
      }
      this.length.set(doc.id, len)
      total += len
    }
    this.avgLength = docs.length > 0 ? total / docs.length : 1
  }

  /** Whether the document contains the term. */
  has (id: string, term: string): boolean { return this.tf.get(term)?.has(id) ?? false }

  /** Number of documents that contain the term. */
  df (term: string): number { return this.tf.get(term)?.size ?? 0 }

  /**
   * Documents ranked by BM25F, scaled to 0..1 by the best score the query could reach
   * (every term present, saturated). A term no document has counts in that ceiling as
   * the rarest known term would: words the skills never use lower the confidence.
   */
  search (terms: string[], weightOf: (term: string) => number): Hit[] {
    const query = new Map<string, number>()
    for (const t of terms) query.set(t, weightOf(t))
    let ceiling = 0
    const scores = new Map<string, number>()
    for (const [term, weight] of query) {
      const idf = this.idf(Math.max(this.df(term), 1)) * weight
      ceiling += idf * (K1 + 1)
      for (const [id, tf] of this.tf.get(term) ?? []) {
        const norm = 1 - B + B * (this.length.get(id) ?? 0) / this.avgLength
        scores.set(id, (scores.get(id) ?? 0) + idf * tf * (K1 + 1) / (tf + K1 * norm))
      }
    }
    if (ceiling === 0) return []
    return [...scores].map(([id, s]) => ({ id, score: s / ceiling })).sort((a, b) => b.score - a.score)
  }

  private idf (df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5))
  }
}
