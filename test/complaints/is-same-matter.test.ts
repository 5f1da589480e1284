import { describe, expect, it } from 'vitest'
import { extractLocation } from '../../src/complaints/extract-location.js'
import { isSameMatter } from '../../src/complaints/is-same-matter.js'

const key = (category: string, text: string, compoundWide = false) => ({ category, location: extractLocation(text), compoundWide })

describe('isSameMatter', () => {
  it('joins the same category at the same building, even when one names the unit too', () => {
    expect(isSameMatter(key('elevator', '5号楼电梯坏了'), key('elevator', '五号楼2单元电梯停了'))).toBe(true)
  })
  it('keeps different buildings, units, places and categories apart', () => {
    expect(isSameMatter(key('elevator', '5号楼电梯坏了'), key('elevator', '6号楼电梯坏了'))).toBe(false)
    expect(isSameMatter(key('elevator', '5号楼1单元'), key('elevator', '5号楼2单元'))).toBe(false)
    expect(isSameMatter(key('elevator', '5号楼电梯坏了'), key('facility_repair', '5号楼灯坏了'))).toBe(false)
    expect(isSameMatter(key('parking', '东门堵车'), key('parking', '5号楼门口堵车'))).toBe(false)
  })
  it('does not join two complaints without a place unless the category is compound-wide', () => {
    expect(isSameMatter(key('noise', '楼上太吵'), key('noise', '楼上太吵了'))).toBe(false)
    expect(isSameMatter(key('committee_conduct', '业委会不换届', true), key('committee_conduct', '业委会几年没换届了', true))).toBe(true)
    expect(isSameMatter(key('committee_conduct', '业委会不换届', true), key('committee_conduct', '5号楼的委员不管事', true))).toBe(false)
  })
})
