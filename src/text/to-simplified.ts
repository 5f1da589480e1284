// The Traditional → Simplified build only (0.1 MB of tables instead of 1.2 MB; same output).
import * as OpenCC from 'opencc-js/t2cn'

// Owners write in Traditional as often as Simplified (two seed documents are Traditional);
// everything the bot reasons about is converted once, here, to Simplified.
const convert = OpenCC.Converter({ from: 'hk', to: 'cn' })

/** Traditional → Simplified, full-width ASCII → half-width, trimmed. */
export function toSimplified (text: string): string {
  return convert(toHalfWidth(text)).trim()
}

/**
 * Ｆｕｌｌ－ｗｉｄｔｈ letters, digits and command signs (／＃＠％．－＋) become ASCII, so
 * `／幫助` is a command and `５号楼` is building 5. Chinese punctuation (，。？：) is kept:
 * the bot quotes people's words back to them.
 */
export function toHalfWidth (text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ／＃＠％．－＋]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}
