import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseLedgerFile } from '../src/ledger/parse-ledger-file.js'

// One file, one process: prints how long parsing took, the peak RSS and whether it was refused.
const file = process.argv[2]!
const data = await readFile(file)
const start = performance.now()
const result = await parseLedgerFile(path.basename(file), data)
const ms = Math.round(performance.now() - start)
process.stdout.write(JSON.stringify({ ms, rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), refused: !result.ok }) + '\n')
