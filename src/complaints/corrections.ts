import { z } from 'zod'
import type { Storage, Store } from '../storage/storage.js'
import { EXPLICIT_COMPLAINT } from '../classify/message-patterns.js'
import { toSimplified } from '../text/to-simplified.js'
import type { ComplaintDetails } from './classify-complaint.js'
import { buildExampleIndex, nearestExamples, type ExampleIndex } from './nearest-examples.js'

// Corrections the bodies make (/转办 to another body, /撤销 as not a complaint) are labelled
// examples, kept in the compound's storage and consulted by the complaint classifier at once,
// as /收录 does for questions. One compound per process: the desk loads its file at start.

export const CORRECTIONS_STORE = 'complaints-corrections'

const correctionSchema = z.object({
  text: z.string().min(1),
  /** the category it should have had; null: not a complaint at all */
  category: z.string().nullable(),
  /** the body that should lead it (from /转办) */
  body: z.string().optional(),
  action: z.enum(['transfer', 'withdraw']),
  ticketNo: z.number().int().positive(),
  /** contact id of whoever corrected it */
  by: z.string(),
  at: z.string()
})
export type Correction = z.infer<typeof correctionSchema>
export const correctionsFileSchema = z.object({ corrections: z.array(correctionSchema) })
export type CorrectionsFile = z.infer<typeof correctionsFileSchema>

/** Only a near-repeat of a corrected text is corrected: a shared word or two proves nothing. */
const MIN_SIMILARITY = 0.8

let store: Store<CorrectionsFile> | undefined
let index: ExampleIndex | undefined
let list: Correction[] = []
let version = 0

function rebuild (corrections: Correction[]): void {
  list = corrections
  index = buildExampleIndex(Object.fromEntries(corrections.map((c, i) => [String(i), [toSimplified(c.text).toLowerCase()]])))
  version++
}

/** Open the compound's corrections (the desk calls this once at start). */
export async function loadCorrections (storage: Storage): Promise<void> {
  // Storage checks the file against the schema at start (src/app/data-files.ts lists it).
  store = await storage.open<CorrectionsFile>(CORRECTIONS_STORE, () => ({ corrections: [] }), { schema: correctionsFileSchema })
  rebuild(store.data.corrections)
}

/** Keep a correction and use it from the next message on. */
export function recordCorrection (correction: Correction): void {
  store?.update(d => { d.corrections.push(correction) })
  rebuild([...list, correction])
}

/** Changes whenever the corrections do (the shared classifier's memo depends on it). */
export const correctionsVersion = (): number => version

/** How many corrections are stored (of both kinds together). */
export const correctionCount = (): number => list.length

/** The latest correction of a text this close to `text`, if any. */
function findCorrection (text: string): Correction | undefined {
  if (!index || list.length === 0) return undefined
  // Tickets keep the text without its 投诉/报修/举报 prefix: compare like with like.
  const near = nearestExamples(index, toSimplified(text).trim().replace(EXPLICIT_COMPLAINT, '').toLowerCase(), 3).filter(n => n.similarity >= MIN_SIMILARITY)
  if (near.length === 0) return undefined
  return list[Math.max(...near.map(n => Number(n.label)))]
}

/**
 * The classifier's answer after the bodies' corrections: "not a complaint" (never for an
 * urgent text: a life-safety report is not silenced by an earlier withdrawal), another
 * category, or another leading body.
 */
export function applyCorrection (
  raw: string, details: ComplaintDetails, withCategory: (text: string, categoryId: string, base: ComplaintDetails) => ComplaintDetails
): ComplaintDetails {
  const c = findCorrection(raw)
  if (!c) return details
  if (c.category === null) {
    if (details.urgent) return details
    return { ...details, isComplaint: false, evidence: null, category: null, bodies: [], confidence: 0.9, categoryName: null, variant: null }
  }
  if (!details.isComplaint) return details
  const recategorised = c.category !== details.category ? withCategory(raw, c.category, details) : details
  if (c.body === undefined) return recategorised
  return { ...recategorised, bodies: [c.body, ...recategorised.bodies.filter(b => b !== c.body)] }
}
