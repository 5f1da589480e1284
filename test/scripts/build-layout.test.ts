import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// `npm start` runs dist/ (tsconfig.build.json: rootDir src, outDir dist). Files outside the
// code (skills/, data/) are found from import.meta.url, so they resolve the same from dist/
// only while dist/ mirrors src/ at the same depth: this checks it without compiling.
const root = fileURLToPath(new URL('../../', import.meta.url))

function sources (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [])
}

describe('the production build layout', () => {
  it('compiles src/ into dist/, a sibling at the same depth', () => {
    const config = readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')
    expect(config).toMatch(/"rootDir": "src"/)
    expect(config).toMatch(/"outDir": "dist"/)
  })

  it('finds every asset of src/ at the same place from dist/', () => {
    const found: string[] = []
    for (const file of sources(path.join(root, 'src'))) {
      for (const [, relative] of readFileSync(file, 'utf8').matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)) {
        const fromSrc = path.resolve(path.dirname(file), relative!)
        const fromDist = path.resolve(path.dirname(file).replace(path.join(root, 'src'), path.join(root, 'dist')), relative!)
        expect(fromDist, `${path.relative(root, file)}: ${relative}`).toBe(fromSrc)
        expect(existsSync(fromSrc), fromSrc).toBe(true)
        found.push(path.relative(root, fromSrc))
      }
    }
    expect(found).toEqual(expect.arrayContaining(['skills', 'data/jieba-dictionary.txt']))
  })
})
