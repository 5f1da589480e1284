import { describe, expect, it } from 'vitest'
import { maskPhones } from '../../src/complaints/mask-phone.js'

describe('maskPhones', () => {
  it.each([
    ['有事打我电话13812345678', '有事打我电话138****5678'],
    ['电话 138-1234-5678 或 +86 139 1234 5678', '电话 138****5678 或 +86 139****5678'],
    ['物业座机021-65432198', '物业座机021-******98'],
    ['5号楼2单元301室电梯坏了', '5号楼2单元301室电梯坏了'],
    ['维修花了200000元', '维修花了200000元']
  ])('%s', (input, output) => expect(maskPhones(input)).toBe(output))
})
