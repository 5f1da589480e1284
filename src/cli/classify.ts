// `npm run --silent classify`: JSON lines in, one JSON line out per input, in order.
// Offline, writes nothing: the same decision code the bot uses (classify-message.ts).
import 'dotenv/config'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { classifyMessage } from '../classify/classify-message.js'
import { readOptions } from '../config/read-env-options.js'
import { FAQ_FILE } from '../features/questions/questions-feature.js'
import { KnowledgeBase, DEFAULT_SKILLS_DIR } from '../knowledge/knowledge-base.js'

const lineSchema = z.object({
  text: z.string(),
  chat: z.enum(['group', 'private']).default('private'),
  mentioned: z.boolean().default(false)
})

async function main (): Promise<void> {
  // The compound's collected FAQ counts too, as in the bot; it is read, never written.
  const faqFile = path.join(readOptions().storageDir, FAQ_FILE)
  const kb = await KnowledgeBase.open(process.env.SKILLS_DIR ?? DEFAULT_SKILLS_DIR, { faqFile })
  for (const p of kb.problems) process.stderr.write(`skill skipped: ${p.path}: ${p.message}\n`)
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) {
    if (line.trim() === '') continue
    process.stdout.write(JSON.stringify(classifyLine(line, kb)) + '\n')
  }
}

function classifyLine (line: string, kb: KnowledgeBase): unknown {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` }
  }
  const input = lineSchema.safeParse(json)
  if (!input.success) return { error: `expected {"text": string, "chat"?: "group"|"private", "mentioned"?: boolean}: ${z.prettifyError(input.error)}` }
  try {
    return classifyMessage(input.data.text, { chat: input.data.chat, mentioned: input.data.mentioned }, kb)
  } catch (err) {
    return { error: (err as Error).message }
  }
}

main().catch(err => {
  process.stderr.write(`classify failed: ${(err as Error).stack ?? String(err)}\n`)
  process.exitCode = 1
})
