import { createRequire } from 'node:module'
import path from 'node:path'
import { GlobalFonts } from '@napi-rs/canvas'

// The Chinese font ships in an npm package (Noto Sans Hans, OFL) so the image looks the same
// on every machine and never depends on fonts installed on the system.

export const CJK_FAMILY = 'XiaoquNotoSansSC'

let registered = false

function fontPath (file: string): string {
  const require = createRequire(import.meta.url)
  // the package's main is dist/index.cjs; the fonts sit in ../fonts beside it
  const root = path.dirname(path.dirname(require.resolve('@embedpdf/fonts-sc')))
  return path.join(root, 'fonts', file)
}

/** Registers the font once per process and returns its family name for ctx.font. */
export function cjkFontFamily (): string {
  if (!registered) {
    for (const file of ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf']) {
      const key = GlobalFonts.registerFromPath(fontPath(file), CJK_FAMILY)
      if (key === null) throw new Error(`could not load the CJK font ${file}`)
    }
    registered = true
  }
  return CJK_FAMILY
}
