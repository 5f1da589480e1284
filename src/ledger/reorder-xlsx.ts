import { deflateRawSync } from 'node:zlib'
import type { ZipEntry } from './check-zip.js'

// exceljs's streaming reader parks every worksheet that arrives before the workbook, its
// relationships and the shared strings in a temporary file and reads it back afterwards;
// Excel and exceljs itself write the sheets first. That detour was the one flaky part of
// reading under load, so the already-inflated parts are handed over again as a plain
// zip in the order the reader wants: no temporary files. Entries are deflated again (fast
// level) because the reader inflates a deflated entry piece by piece and can stop at the row
// limit, while a stored entry reached it whole.

const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']
// a workbook without any text cell has no shared strings; the reader still waits for them
const NO_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32 (data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function reorderXlsx (entries: ZipEntry[]): Buffer {
  const parts = entries.some(e => e.name === 'xl/sharedStrings.xml') ? entries : [...entries, { name: 'xl/sharedStrings.xml', data: NO_STRINGS }]
  const rank = (name: string): number => { const i = FIRST.indexOf(name); return i < 0 ? FIRST.length : i }
  const ordered = [...parts].sort((a, b) => rank(a.name) - rank(b.name))
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const { name, data } of ordered) {
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const packed = deflateRawSync(data, { level: 1 })
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + packed.length
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(ordered.length, 8); end.writeUInt16LE(ordered.length, 10)
  end.writeUInt32LE(centralSize, 12); end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}
