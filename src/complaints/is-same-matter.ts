import type { ComplaintLocation } from './extract-location.js'

export interface MatterKey {
  category: string
  location: ComplaintLocation | null
  /** the category's `compound_wide` flag: without any place, the same category is the same matter */
  compoundWide?: boolean
}

const FIELDS = ['building', 'unit', 'room', 'place'] as const

/**
 * Whether two complaints are about the same thing at the same place: same category, and
 * every location field both name is equal, with at least one in common (5号楼 and
 * 5号楼2单元 match; 5号楼 and 东门 do not). Floors are too vague to tell flats apart.
 */
export function isSameMatter (a: MatterKey, b: MatterKey): boolean {
  if (a.category !== b.category) return false
  if (!a.location || !b.location) return !a.location && !b.location && Boolean(a.compoundWide ?? b.compoundWide)
  let shared = 0
  for (const field of FIELDS) {
    const x = a.location[field]
    const y = b.location[field]
    if (x === undefined || y === undefined) continue
    if (x !== y) return false
    shared++
  }
  return shared > 0
}
