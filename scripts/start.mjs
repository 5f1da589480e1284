// `npm start`: the compiled bot under plain node (no tsx: ~50 MB and 0.5 s less), compiling
// first when dist/ is missing or older than src/. Runs in this process, so signals reach it.
// package.json starts node with --max-semi-space-size=1: V8's young generation stays at 1 MB
// instead of growing to 16 MB, and an idle bot gives memory back (~30 MB less resident; a
// chat bot allocates far too little for the extra scavenges to matter). Flags must be given
// on node's command line: set at run time they do not resize the heap.
import { pathToFileURL } from 'node:url'
import { ENTRY, build, isStale } from './build.mjs'

if (isStale()) {
  process.stderr.write('编译 src/ → dist/ …\n')
  try {
    build()
  } catch (err) {
    process.stderr.write(`启动失败：${err.message}\n`)
    process.exit(1)
  }
}
await import(pathToFileURL(ENTRY).href)
