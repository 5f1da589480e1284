import { toSimplified } from '../text/to-simplified.js'

/** Where a complaint is. `text` is the normalised form shown to people (5号楼2单元301室). */
export interface ComplaintLocation {
  building?: string
  unit?: string
  room?: string
  floor?: string
  /** a named place of the compound (东门, 地下车库) or part of a building (楼道, 楼顶) */
  place?: string
  /** true when the place alone tells where it is (东门); false for 楼道 without a building */
  complete: boolean
  text: string
}

// Places that identify a spot on their own in one compound, then parts of a building that
// need a building number too. Longer names first so 地下车库 wins over 车库.
const SITE_PLACES = ['地下车库', '地面车库', '地下停车场', '车库', '地下室', '停车场', '自行车棚', '车棚', '小区东门', '小区南门', '小区西门', '小区北门', '东门', '南门', '西门', '北门', '正门', '侧门', '后门', '小区大门', '大门', '小区门口', '中心花园', '花园', '广场', '会所', '垃圾站', '垃圾房', '儿童游乐区', '游乐场', '篮球场', '健身区', '水泵房', '配电房', '物业办公室', '快递驿站', '菜地', '池塘', '主干道']
const BUILDING_PARTS = ['楼道', '楼梯间', '大堂', '电梯厅', '楼顶', '天台', '屋顶', '管道井', '管井', '单元门口', '楼下', '门口', '走廊']

const NUM = '(\\d+|[零〇一二两三四五六七八九十百]+)'
const BUILDING = new RegExp(`${NUM}\\s*(?:号楼|号栋|栋|幢|座|#楼|#)`, 'u')
const UNIT = new RegExp(`${NUM}\\s*单元`, 'u')
const DASHED = /(\d{1,3})-(\d{1,2})-(\d{3,4})/u
const ROOM_AFTER = /(?:单元|栋|幢|号楼|座)\s*(\d{3,4})(?:室|号|户)?/u
const ROOM_ALONE = /(?<![\d.])(\d{3,4})\s*(?:室|号房|户|的住户|的业主|那户|家|在装修)/u
const ROOM_NEAR = /(?:楼上|楼下|隔壁|对门|对面|住在|家住)\s*(\d{3,4})(?!\d)/u
const FLOOR = new RegExp(`${NUM}\\s*(?:楼|层)(?![道顶上下梯房])`, 'u')
const AREA = /(?<![A-Za-z])([A-Za-z]|[东西南北])区/u

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 十二 → 12, 二十三 → 23, 一百零五 → 105; digits pass through. */
export function chineseNumber (text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text)
  let total = 0
  let current = 0
  for (const ch of text) {
    if (ch in DIGITS) current = DIGITS[ch]!
    else if (ch === '十') { total += (current || 1) * 10; current = 0 } else if (ch === '百') { total += (current || 1) * 100; current = 0 } else return undefined
  }
  return total + current
}

/** Building, unit, room, floor and named place from a complaint, Traditional or Simplified. */
export function extractLocation (raw: string): ComplaintLocation | null {
  let text = toSimplified(raw)
  const found: Omit<ComplaintLocation, 'complete' | 'text'> = {}
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(text)
    // Blank out what was read so 5号楼 is not read again as floor 5.
    if (m) text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length)
    return m
  }
  const dashed = take(DASHED)
  if (dashed) {
    found.building = `${dashed[1]}号楼`
    found.unit = `${Number(dashed[2])}单元`
    found.room = `${dashed[3]}室`
  }
  const building = found.building ? null : take(BUILDING)
  if (building) found.building = `${chineseNumber(building[1]!) ?? building[1]}号楼`
  const unit = found.unit ? null : take(UNIT)
  if (unit) found.unit = `${chineseNumber(unit[1]!) ?? unit[1]}单元`
  const room = found.room ? null : (ROOM_AFTER.exec(text) ?? ROOM_ALONE.exec(text) ?? ROOM_NEAR.exec(text))
  if (room) found.room = `${room[1]}室`
  const floor = found.room ? null : take(FLOOR)
  if (floor) found.floor = `${chineseNumber(floor[1]!) ?? floor[1]}楼`
  const area = AREA.exec(text)
  const site = SITE_PLACES.find(p => text.includes(p))
  const part = BUILDING_PARTS.find(p => text.includes(p))
  const place = site?.replace(/^小区(?=[东南西北]门)/u, '') ?? (area ? `${area[1]!.toUpperCase()}区` : undefined) ?? part
  if (place) found.place = place
  if (Object.keys(found).length === 0) return null
  const complete = Boolean(found.building ?? found.room ?? site ?? area)
  const parts = [found.building, found.unit, found.room, found.floor].filter(Boolean).join('')
  const shown = [parts, found.place].filter(Boolean).join(' ')
  return { ...found, complete, text: shown }
}

/** The text with every place word removed: what is left says whether it is more than a place. */
export function stripLocation (raw: string): string {
  let text = toSimplified(raw)
  for (const re of [DASHED, BUILDING, UNIT, ROOM_AFTER, ROOM_ALONE, ROOM_NEAR, FLOOR, AREA]) text = text.replace(new RegExp(re.source, 'gu'), ' ')
  for (const p of [...SITE_PLACES, ...BUILDING_PARTS]) text = text.split(p).join(' ')
  return text.replace(/\s+/gu, ' ').trim()
}
