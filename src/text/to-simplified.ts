// The Traditional → Simplified build only (0.1 MB of tables instead of 1.2 MB; same output).
import * as OpenCC from 'opencc-js/t2cn'

// Owners write in Traditional as often as Simplified (two seed documents are Traditional);
// everything the bot reasons about is converted once, here, to Simplified.
const convert = OpenCC.Converter({ from: 'hk', to: 'cn' })

/** Traditional → Simplified, invisible marks removed, full-width ASCII → half-width, trimmed. */
export function toSimplified (text: string): string {
  return convert(toHalfWidth(stripInvisible(text))).trim()
}

// Zero-width and bidi control characters (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069,
// U+FEFF, U+061C): invisible in WeChat, yet `报\u200b修` or an RTL mark would defeat every
// trigger and pattern. Removed before any matching.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]/gu

export function stripInvisible (text: string): string {
  return text.replace(INVISIBLE, '')
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
