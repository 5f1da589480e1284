// Logs go to stderr so the sandbox's stdout carries only what people would see.
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent'
const ORDER: Level[] = ['debug', 'info', 'warn', 'error', 'silent']

export interface Logger {
  debug (msg: string, extra?: unknown): void
  info (msg: string, extra?: unknown): void
  warn (msg: string, extra?: unknown): void
  error (msg: string, extra?: unknown): void
}

export function createLogger (level: Level, write: (line: string) => void = l => process.stderr.write(l + '\n')): Logger {
  const min = ORDER.indexOf(level)
  const at = (lv: Level) => (msg: string, extra?: unknown) => {
    if (ORDER.indexOf(lv) < min) return
    const tail = extra === undefined ? '' : ' ' + describe(extra)
    write(`${new Date().toISOString()} ${lv.toUpperCase()} ${msg}${tail}`)
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

function describe (extra: unknown): string {
  if (extra instanceof Error) return extra.stack ?? extra.message
  try { return JSON.stringify(extra) } catch { return String(extra) }
}
