import { toHalfWidth } from '../text/to-simplified.js'

// What a model's answer may never contain, whatever the skills say: owners read it under the
// bot's name, so a misconfigured or compromised model must not be able to send them anywhere,
// to anyone, or ask them for money. Over-matching only costs a fallback to the offline answer.
const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/[a-z][a-z0-9+.-]*:\/\/|www\.|[a-z0-9-]+\.(?:com|cn|net|org|gov|edu|top|xyz|example|info|io|cc|me|vip|site|link|app|ly)\b/i, '链接'],
  [/[@＠]/, '@提及'],
  [/转入|转账|转帐|汇款|汇入|打款|付款|支付|扫码|收款|红包|(?:转给|转到).{0,8}(?:微信|个人|账|帐|卡)|(?:钱|款|资金|费).{0,6}转到|(?:交|缴|存)到/, '付款指示'],
  [/账号|帐号|账户|帐户|卡号|银行卡|密码|验证码|口令|支付宝|微信号|个人微信/, '账号或密码']
]

const NUMERALS: Record<string, string> = {
  零: '0', 〇: '0', '○': '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9'
}
/** Seven or more digits in a row, however written (12345678, １３８…, 一三八…, 壹叁捌…, 138-1234 5678). */
const PHONE = /\d{7,}/

/** Why the text must not reach owners (link, phone number, @, payment, account), or undefined. */
export function forbiddenContent (text: string): string | undefined {
  const plain = toHalfWidth(text)
  for (const [pattern, reason] of FORBIDDEN) if (pattern.test(plain)) return reason
  const digits = plain
    .replace(/[零〇○一幺二两三四五六七八九壹贰叁肆伍陆柒捌玖]/g, c => NUMERALS[c] ?? c)
    .replace(/(?<=\d)[\s\-—–·.()（）]+(?=\d)/g, '')
  return PHONE.test(digits) ? '电话号码' : undefined
}

/** Share of a sentence's character bigrams that must occur in the retrieved skill text. */
export const SUPPORT_MIN = 0.6
/** Sentences shorter than this (您好！, 谢谢) say nothing to check. */
const MIN_CHARS = 4
// 无 of 无障碍 (barrier-free) negates nothing.
const NEGATOR = /[不没未别勿免非]|无(?!障碍)/g
/** NEGATOR without the g flag: `test` keeps no lastIndex between calls. */
const HAS_NEGATOR = new RegExp(NEGATOR.source)

/** How closely an answer's clause must follow a negated clause of the source to be read as stating it. */
const SAME_CLAUSE = 0.6

/**
 * The first sentence of `answer` the `source` does not support, or undefined. Supported:
 * most of its character bigrams occur in the source; it negates only what the source
 * negates in the same words ("不需要" needs "不需要" in the source); and no clause of it
 * states without a negation what a clause of the source negates ("物业可以用停水方式催交"
 * against "物业也不得用停水、停电、停气等方式催交").
 */
export function unsupportedSentence (answer: string, written: string): string | undefined {
  const source = sameNegations(written)
  const known = new Set(bigrams(source))
  const sourceHan = han(source)
  const negatedClauses = clauses(source).filter(c => hasNegator(c)).map(c => new Set(bigrams(c)))
  for (const sentence of answer.split(/[。！？!?；;\n]+/)) {
    const said = sameNegations(sentence)
    const text = han(said)
    if ([...text].length < MIN_CHARS) continue
    const grams = bigrams(said) // within runs of characters: a comma is no bigram
    const covered = grams.filter(g => known.has(g)).length / Math.max(grams.length, 1)
    if (covered < SUPPORT_MIN) return sentence
    for (const m of text.matchAll(NEGATOR)) {
      const phrase = text.slice(m.index ?? 0, (m.index ?? 0) + 3)
      if (phrase.length === 3 && !sourceHan.includes(phrase)) return sentence
    }
    for (const clause of clauses(said).filter(c => !hasNegator(c))) {
      const own = bigrams(clause)
      if (own.length < 3) continue
      if (negatedClauses.some(neg => own.filter(g => neg.has(g)).length / own.length >= SAME_CLAUSE)) return sentence
    }
  }
  return undefined
}

function clauses (text: string): string[] {
  return text.split(/[。！？!?；;，,：:\n（）()]+/).map(han).filter(c => c.length > 0)
}

function hasNegator (text: string): boolean {
  return HAS_NEGATOR.test(text)
}

/** Chinese characters only, runs joined: punctuation and spacing do not change what is said. */
function han (text: string): string {
  return (text.match(/\p{Script=Han}+/gu) ?? []).join('')
}

// Ways of saying the same prohibition or the same "no need": 不能擅自 says what 不得擅自 says.
const SAME_NEGATION: ReadonlyArray<[RegExp, string]> = [
  [/不能|不可以|不可|不准|不许|严禁|禁止|不应当|不应该|不应|不要/g, '不得'],
  [/无需|无须|不必|不用|用不着|不需/g, '不需']
]

function sameNegations (text: string): string {
  return SAME_NEGATION.reduce((t, [pattern, word]) => t.replace(pattern, word), text)
}

function bigrams (text: string): string[] {
  const out: string[] = []
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run]
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`)
  }
  return out
}
