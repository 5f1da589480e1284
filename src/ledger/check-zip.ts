import { inflateRawSync } from 'node:zlib'

// An .xlsx is a zip. Before any spreadsheet library sees one, every entry is inflated here
// with a hard output limit, so a zip bomb (a few MB that inflate to gigabytes) or a lying
// size header is refused in milliseconds instead of filling the heap.

export const ZIP_LIMITS = {
  /** entries in the archive (a real workbook has a few dozen) */
  maxEntries: 500,
  /** all entries together, inflated */
  maxTotalBytes: 24 * 1024 * 1024
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export interface ZipEntry { name: string, data: Buffer }
export type ZipCheck = { ok: true, entries: ZipEntry[] } | { ok: false, message: string }

const refuse = (message: string): ZipCheck => ({ ok: false, message })
export const BROKEN = '无法读取这个 .xlsx 文件，请确认文件没有损坏、没有加密'
const TOO_BIG = `文件解压后超过 ${ZIP_LIMITS.maxTotalBytes / 1024 / 1024}MB，不像是一份账目表（可能含有大量空白格式或图片），请只保留账目表后另存再发送`

function findEnd (data: Buffer): number {
  // the end record sits in the last 22 bytes plus a comment of at most 65,535
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) return at
  }
  return -1
}

/** Walks the central directory and inflates each entry within the limits: the entries, or why not. */
export function checkZip (data: Buffer): ZipCheck {
  if (data.length < 22) return refuse(BROKEN)
  const end = findEnd(data)
  if (end < 0) return refuse(BROKEN)
  const count = data.readUInt16LE(end + 10)
  let at = data.readUInt32LE(end + 16)
  if (count > ZIP_LIMITS.maxEntries) return refuse(`文件里的内容太多（${count} 项），不像是一份账目表`)
  let total = 0
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) return refuse(BROKEN)
    const method = data.readUInt16LE(at + 10)
    const compressed = data.readUInt32LE(at + 20)
    const declared = data.readUInt32LE(at + 24)
    const nameLength = data.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)
    const local = data.readUInt32LE(at + 42)
    const name = data.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    // ZIP64 markers (0xFFFFFFFF) only appear in archives of gigabytes: never a ledger
    if (compressed === 0xffffffff || declared === 0xffffffff) return refuse(TOO_BIG)
    total += declared
    if (total > ZIP_LIMITS.maxTotalBytes) return refuse(TOO_BIG)
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) return refuse(BROKEN)
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    if (start + compressed > data.length) return refuse(BROKEN)
    const body = data.subarray(start, start + compressed)
    if (method === 0 && compressed !== declared) return refuse(BROKEN)
    if (method === 8) {
      try {
        // one byte over the declared size proves the header lies
        const out = inflateRawSync(body, { maxOutputLength: declared + 1 })
        if (out.length !== declared) return refuse(BROKEN)
        entries.push({ name, data: out })
      } catch (err) {
        return refuse((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? TOO_BIG : BROKEN)
      }
    } else if (method === 0) {
      entries.push({ name, data: Buffer.from(body) })
    } else {
      return refuse(BROKEN)
    }
    at = next
  }
  return { ok: true, entries }
}
