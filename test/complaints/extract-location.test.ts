import { describe, expect, it } from 'vitest'
import { chineseNumber, extractLocation } from '../../src/complaints/extract-location.js'

describe('extractLocation', () => {
  it.each([
    ['5号楼电梯坏了', '5号楼'],
    ['7栋2单元的电梯又停了', '7号楼2单元'],
    ['十二栋3单元502室漏水', '12号楼3单元502室'],
    ['5-2-301 楼上漏水', '5号楼2单元301室'],
    ['九號樓電梯又壞了', '9号楼'],
    ['8幢电梯下坠', '8号楼'],
    ['3#楼门禁坏了', '3号楼'],
    ['地下车库的灯坏了', '地下车库'],
    ['小区东门的道闸坏了', '东门'],
    ['地下室一直滴水', '地下室'],
    ['1502在装修', '1502室'],
    ['楼上1502每天半夜跺脚', '1502室'],
    ['6号楼楼道灯不亮', '6号楼 楼道']
  ])('%s → %s', (text, expected) => {
    const found = extractLocation(text)
    expect(found?.text).toBe(expected)
    expect(found?.complete).toBe(true)
  })

  it('reports a part of a building without the building as incomplete, so the bot asks', () => {
    expect(extractLocation('楼道灯坏了')).toMatchObject({ place: '楼道', complete: false })
    expect(extractLocation('12楼有户人家养了烈性犬')).toMatchObject({ floor: '12楼', complete: false })
  })

  it('finds nothing in text without a place, and does not read years or money as rooms', () => {
    expect(extractLocation('物业费太贵了')).toBeNull()
    expect(extractLocation('2026年的物业费又涨了')).toBeNull()
    expect(extractLocation('交了2000块押金不退')).toBeNull()
  })

  it('does not read 5号楼 again as floor 5', () => {
    expect(extractLocation('5号楼下面垃圾桶满了')).toEqual({ building: '5号楼', complete: true, text: '5号楼' })
  })
})

describe('chineseNumber', () => {
  it.each([['十二', 12], ['二十三', 23], ['两', 2], ['一百零五', 105], ['17', 17]])('%s → %d', (text, n) => {
    expect(chineseNumber(text)).toBe(n)
  })
  it('gives undefined for other text', () => expect(chineseNumber('几')).toBeUndefined())
})
