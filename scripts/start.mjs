// `npm start`: the compiled bot under plain node (no tsx: ~50 MB and 0.5 s less), compiling
// first when dist/ is missing or older than src/. Runs in this process, so signals reach it.
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
