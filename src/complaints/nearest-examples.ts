import { segment } from '../text/segment.js'

// Nearest labelled examples by TF-IDF cosine over jieba words. The example set is small
// (a few hundred lines of skills/complaints/examples.yaml), so a linear scan is cheap.

type Vector = Map<string, number>

export interface ExampleIndex {
  idf: Map<string, number>
  entries: Array<{ label: string, text: string, vector: Vector }>
}

export interface Neighbour { label: string, text: string, similarity: number }

export function buildExampleIndex (examples: Record<string, string[]>): ExampleIndex {
  const docs: Array<{ label: string, text: string, words: string[] }> = []
  for (const [label, texts] of Object.entries(examples)) {
    for (const text of texts) docs.push({ label, text, words: segment(text) })
  }
  const df = new Map<string, number>()
  for (const doc of docs) for (const w of new Set(doc.words)) df.set(w, (df.get(w) ?? 0) + 1)
  const idf = new Map<string, number>()
  for (const [w, n] of df) idf.set(w, Math.log((docs.length + 1) / (n + 1)) + 1)
  return { idf, entries: docs.map(d => ({ label: d.label, text: d.text, vector: weigh(d.words, idf) })) }
}

/** Words unknown to the examples get the highest weight seen, as rare words would. */
function weigh (words: string[], idf: Map<string, number>): Vector {
  const unknown = Math.log(idf.size + 2) + 1
  const v: Vector = new Map()
  for (const w of words) v.set(w, (v.get(w) ?? 0) + (idf.get(w) ?? unknown))
  let norm = 0
  for (const x of v.values()) norm += x * x
  norm = Math.sqrt(norm) || 1
  for (const [w, x] of v) v.set(w, x / norm)
  return v
}

function cosine (a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a]
  let sum = 0
  for (const [w, x] of small) sum += x * (large.get(w) ?? 0)
  return sum
}

export function nearestExamples (index: ExampleIndex, text: string, k = 5): Neighbour[] {
  const query = weigh(segment(text), index.idf)
  return index.entries
    .map(e => ({ label: e.label, text: e.text, similarity: cosine(query, e.vector) }))
    .filter(n => n.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k)
}

/** Similarity summed per label over the neighbours. */
export function voteByLabel (neighbours: Neighbour[]): Map<string, number> {
  const votes = new Map<string, number>()
  for (const n of neighbours) votes.set(n.label, (votes.get(n.label) ?? 0) + n.similarity)
  return votes
}
