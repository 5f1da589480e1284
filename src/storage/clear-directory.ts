import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { LOCK, lockDirectory } from './directory-lock.js'

/**
 * Delete a data directory's contents (`--fresh`). The lock is taken first, so this refuses
 * (StartupError) while a live process uses the directory, and nothing is deleted then.
 */
export async function clearDirectory (dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const release = await lockDirectory(dir)
  try {
    for (const name of await readdir(dir)) {
      if (name !== LOCK) await rm(path.join(dir, name), { recursive: true, force: true })
    }
  } finally {
    await release()
  }
}
