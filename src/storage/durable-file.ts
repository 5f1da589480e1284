import { copyFile, link, open, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { Adapter } from 'lowdb'

/** How many earlier versions of each document file are kept beside it (NAME.json.1 … .3). */
export const GENERATIONS = 3

export const generationFile = (file: string, n: number): string => `${file}.${n}`

/** A `.catch` for removing a file that may already be gone. */
export const ignoreMissing = (err: NodeJS.ErrnoException): void => { if (err.code !== 'ENOENT') throw err }

/** The text of `file`, or null when it does not exist (any other error is thrown). */
export async function readIfPresent (file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** Make a rename or a new file in `dir` survive a power cut. */
export async function syncDirectory (dir: string): Promise<void> {
  const fh = await open(dir, 'r')
  try { await fh.sync() } finally { await fh.close() }
}

/** Write `text` to `file` and fsync it (the file itself, not its directory entry). */
export async function writeSynced (file: string, text: string | Buffer, flag = 'w'): Promise<void> {
  const fh = await open(file, flag)
  try {
    await fh.writeFile(text)
    await fh.sync()
  } finally { await fh.close() }
}

/**
 * Replace `file` by `text` so that after a crash it is either the old or the new content,
 * never a mix or empty: temp file, fsync, rename, fsync the directory. With `keep`, the
 * replaced version becomes generation 1 and older ones move up (the oldest falls off).
 */
export async function writeDurable (file: string, text: string, keep = 0): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`
  await writeSynced(tmp, text)
  if (keep > 0) await rotateGenerations(file, keep)
  await rename(tmp, file)
  await syncDirectory(path.dirname(file))
}

async function rotateGenerations (file: string, keep: number): Promise<void> {
  for (let n = keep - 1; n >= 1; n--) await rename(generationFile(file, n), generationFile(file, n + 1)).catch(ignoreMissing)
  // A hard link keeps the current version's bytes as generation 1 while the rename below
  // swaps the new content in; no copy, and the file is never absent.
  await unlink(generationFile(file, 1)).catch(ignoreMissing)
  await link(file, generationFile(file, 1)).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return
    await copyFile(file, generationFile(file, 1)) // a file system without hard links
  })
}

/** lowdb adapter for one document file: null when missing, durable writes with generations. */
export class DurableTextFile implements Adapter<string> {
  constructor (readonly file: string, private readonly keep = GENERATIONS) {}

  async read (): Promise<string | null> { return await readIfPresent(this.file) }

  async write (text: string): Promise<void> {
    await writeDurable(this.file, text, this.keep)
  }
}
