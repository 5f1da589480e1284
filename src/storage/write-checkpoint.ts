import { unlink } from 'node:fs/promises'
import path from 'node:path'
import type { Partition } from './append-log.js'
import { ignoreMissing, syncDirectory, writeDurable, writeSynced } from './durable-file.js'
import type { Committed } from './group-commit.js'
import type { PendingOp } from './store.js'

/**
 * Write what was journaled into the data files, durably: each document through its Low
 * (temp file, fsync, rename, generations), each log partition's lines appended and fsynced,
 * the directories fsynced. `parts` are the logs' partitions by log name.
 */
export async function writeCommitted (dir: string, { docs, loose, ops }: Committed, parts: Map<string, Map<string, Partition>>): Promise<void> {
  await Promise.all([
    ...docs.map(async ([d, text]) => { d.low.data = text; await d.low.write() }),
    ...loose.map(async d => { d.low.data = JSON.stringify({ schemaVersion: d.version, data: d.store.data }); await d.low.write() })
  ])
  const byPartition = new Map<string, PendingOp[]>()
  for (const op of ops) {
    const key = `${op.log}\n${op.partition}`
    const group = byPartition.get(key)
    if (group) group.push(op)
    else byPartition.set(key, [op])
  }
  const dirs = new Set(await Promise.all([...byPartition.values()].map(async partOps => await writePartition(dir, partOps, parts))))
  for (const d of dirs) await syncDirectory(d)
}

/** Write a partition's committed changes into its file; returns the log's directory. */
async function writePartition (root: string, ops: PendingOp[], parts: Map<string, Map<string, Partition>>): Promise<string> {
  const { log, partition } = ops[0]!
  const part = parts.get(log)!.get(partition)!
  const dir = path.join(root, log)
  const file = path.join(dir, `${partition}.jsonl`)
  let size = part.diskSize
  for (let i = 0; i < ops.length;) {
    const op = ops[i]!
    if (op.kind === 'append') {
      let j = i
      while (j < ops.length && ops[j]!.kind === 'append') j++
      const text = ops.slice(i, j).map(o => o.text).join('')
      await writeSynced(file, text, 'a')
      size += Buffer.byteLength(text)
      i = j
      continue
    }
    part.epoch++
    if (op.kind === 'replace') await writeDurable(file, op.text)
    else await unlink(file).catch(ignoreMissing)
    size = Buffer.byteLength(op.text)
    i++
  }
  part.tail.splice(0, ops.length)
  part.diskSize = size
  part.epoch++
  if (!part.present && part.tail.length === 0) parts.get(log)!.delete(partition)
  return dir
}
