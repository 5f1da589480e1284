// A separate process for the storage tests (run with `node --import tsx`):
//   writer DIR   commit numbered changes forever (a counter document and a log, changed together),
//                printing each number once its commit resolved; killed with SIGKILL by the test
import readline from 'node:readline'

const [mode, dir] = process.argv.slice(2)
const lines = readline.createInterface({ input: process.stdin })
const say = (text: string): void => { process.stdout.write(text + '\n') }

if (mode === 'writer') {
  const { z } = await import('zod')
  const { Storage } = await import('../../src/storage/storage.js')
  const storage = new Storage(dir!, undefined, { checkpointMs: 3, delayMs: 1 })
  const counter = await storage.open('counter', () => ({ n: 0 }), { schema: z.object({ n: z.number() }) })
  const log = await storage.openLog<{ n: number }>('numbers', { schema: z.object({ n: z.number() }) })
  const one = async (): Promise<void> => {
    let n = 0
    counter.update(d => { n = ++d.n })
    log.append(`p${n % 3}`, { n })
    await storage.commit()
    say(String(n))
  }
  for (let round = 0; ; round++) {
    await Promise.all([one(), one(), one(), one()])
    if (round % 9 === 0) log.replace('p0', await log.read('p0')) // compaction, replayed like the rest
  }
}
