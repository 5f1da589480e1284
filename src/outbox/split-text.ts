/**
 * Split a long text into WeChat-sized parts near `limit` characters, on line breaks where
 * possible so a list item or a table row is never cut in half.
 */
export function splitText (text: string, limit = 500): string[] {
  const parts: string[] = []
  let current = ''
  for (const line of text.split('\n')) {
    for (const piece of chopLine(line, limit)) {
      const candidate = current === '' ? piece : `${current}\n${piece}`
      if (candidate.length > limit && current !== '') {
        parts.push(current)
        current = piece
      } else {
        current = candidate
      }
    }
  }
  if (current.trim() !== '') parts.push(current)
  return parts.length > 0 ? parts : ['']
}

/** A single line longer than the limit is cut after punctuation near the limit. */
function chopLine (line: string, limit: number): string[] {
  const out: string[] = []
  let rest = line
  while (rest.length > limit) {
    const window = rest.slice(0, limit)
    const cut = Math.max(...['。', '；', '，', '！', '？', ' '].map(p => window.lastIndexOf(p)))
    const at = cut > limit / 2 ? cut + 1 : limit
    out.push(rest.slice(0, at))
    rest = rest.slice(at)
  }
  out.push(rest)
  return out
}
