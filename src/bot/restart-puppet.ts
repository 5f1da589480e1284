import net from 'node:net'

type Emitter = NodeJS.EventEmitter & { start (): Promise<void>, stop (): Promise<void> }

// Each start of a wechaty-puppet adds listeners that its stop never removes (the login
// mixin's scan/login/stop, the ready mixin's ready/logout/reset, the watchdog's heartbeat
// and reset): retrying forever would pile them up. Only what a restart added is removed,
// at the next restart.
const ADDED_BY_START = ['scan', 'login', 'stop', 'ready', 'logout', 'reset', 'heartbeat']

/** Stop and start a puppet (as Wechaty's own watchdog reset does), without leaking listeners. */
export function puppetRestarter (puppet: Emitter): () => Promise<void> {
  let added: Array<[NodeJS.EventEmitter, string, (...a: any[]) => void]> = []
  const targets = (): Array<[NodeJS.EventEmitter, string[]]> => {
    const dog = (puppet as any).__watchdog?.watchdog as NodeJS.EventEmitter | undefined
    return [[puppet, ADDED_BY_START], ...(dog ? [[dog, ['reset']] as [NodeJS.EventEmitter, string[]]] : [])]
  }
  return async () => {
    await puppet.stop().catch(() => {})
    for (const [emitter, ev, f] of added) emitter.off(ev, f)
    const before = targets().flatMap(([e, evs]) => evs.map(ev => [e, ev, new Set(e.listeners(ev))] as const))
    try {
      await puppet.start()
    } finally {
      added = before.flatMap(([e, ev, had]) => e.listeners(ev).filter(f => !had.has(f)).map(f => [e, ev, f as (...a: any[]) => void] as [NodeJS.EventEmitter, string, (...a: any[]) => void]))
    }
  }
}

/** `host:port` of an endpoint (optionally `dns:///host:port`, `[::1]:port`), if it has one. */
export function hostPort (endpoint: string): { host: string, port: number } | undefined {
  const m = /^(?:[a-z]+:\/\/\/?)?\[?([^\]/]+?)\]?:(\d+)$/i.exec(endpoint.trim())
  return m ? { host: m[1]!, port: Number(m[2]) } : undefined
}

/** Whether something accepts TCP connections there: cheap enough to ask every half second. */
export async function portOpen (at: { host: string, port: number }, timeoutMs = 1000): Promise<boolean> {
  return await new Promise(resolve => {
    const socket = net.connect({ host: at.host, port: at.port })
    const done = (open: boolean) => { socket.destroy(); resolve(open) }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}
