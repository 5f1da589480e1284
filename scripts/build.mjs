// `npm run build`: a clean dist/ compiled from src/ by tsc (tsconfig.build.json).
// Plain JavaScript on purpose: it has to run before anything is compiled.
import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))
export const ENTRY = path.join(ROOT, 'dist', 'main.js')

/** Compiles src/ into an empty dist/; a type error leaves no dist/ behind (noEmitOnError). */
export function build () {
  let tsc
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  } catch {
    throw new Error('dist/ 缺失或过期，而本机没有安装 TypeScript：请先运行 npm install（含开发依赖）再运行 npm run build。')
  }
  rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true })
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error('编译失败（见上方 tsc 的报错），dist/ 未生成。')
}

/** dist/ is stale when it is missing or older than any source file or the build settings. */
export function isStale () {
  let built
  try {
    built = statSync(ENTRY).mtimeMs
  } catch {
    return true
  }
  const inputs = [path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'tsconfig.build.json'), ...files(path.join(ROOT, 'src'))]
  return inputs.some(f => statSync(f).mtimeMs > built)
}

function files (dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [])
}

// `node scripts/build.mjs [--if-stale]`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (!process.argv.includes('--if-stale') || isStale()) build()
  } catch (err) {
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  }
}
