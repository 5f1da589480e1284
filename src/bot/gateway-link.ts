import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { PuppetService } from 'wechaty-puppet-service'

/**
 * What the reconnect logic needs from a puppet-service client beyond Wechaty's API: is the
 * gateway answering, and has the event stream ended. Wechaty learns neither before its
 * 60 s watchdog, and a gateway that sends no heartbeats trips that watchdog while healthy.
 */
export interface GatewayLink {
  /** An authenticated round trip to the gateway; rejects with the gRPC error. */
  ping (timeoutMs: number): Promise<void>
  /** Calls `lost` once when the current event stream ends or fails; returns an unsubscribe. */
  onStreamLost (lost: (why: string) => void): () => void
  /** Tell Wechaty's watchdog the gateway is alive (a quiet gateway sends no heartbeats). */
  feedWatchdog (): void
}

type Client = Record<string, any> & { constructor: { service: Record<string, { requestType: new () => unknown }> } }
interface Manager { client: Client, on (ev: string, f: (...a: any[]) => void): void, off (ev: string, f: (...a: any[]) => void): void }

export function gatewayLink (puppet: unknown): GatewayLink | undefined {
  if (!(puppet instanceof PuppetService)) return undefined
  const manager = (): Manager => puppet.grpcManager as unknown as Manager
  return {
    ping: async timeoutMs => await version(manager().client, timeoutMs),
    onStreamLost (lost) {
      const m = manager()
      let done = false
      const handlers = (['end', 'error', 'status'] as const).map(ev => {
        const f = (arg: any) => {
          if (done) return
          done = true
          lost(ev === 'error' ? String(arg?.message ?? arg) : `event stream ${ev}${arg?.details ? ': ' + String(arg.details) : ''}`)
        }
        m.on(ev, f)
        return () => m.off(ev, f)
      })
      return () => { done = true; handlers.forEach(off => off()) }
    },
    feedWatchdog: () => { puppet.emit('heartbeat', { data: 'gateway answered a ping' }) }
  }
}

/** The cheapest authenticated call the gateway offers; goes through its token check like every call. */
export async function version (client: Client, timeoutMs: number): Promise<void> {
  const Request = client.constructor.service.version!.requestType
  await new Promise<void>((resolve, reject) => {
    client.version(new Request(), { deadline: Date.now() + timeoutMs }, (err: Error | null) => { err ? reject(err) : resolve() })
  })
}

export interface ProbeOptions { token: string, endpoint: string, tls: boolean, serverName?: string, caCert?: string }

/**
 * Connect to the gateway exactly as the bot's client would (same credentials, SNI and CA),
 * make one call and close, without starting or stopping the gateway's puppet (a running
 * bot on the same gateway is not disturbed). Rejects with the client's error.
 */
export async function probeGateway (o: ProbeOptions, timeoutMs: number): Promise<void> {
  // The library does not export its GrpcManager; the doctor needs its exact client set-up.
  const main = createRequire(import.meta.url).resolve('wechaty-puppet-service')
  const file = path.join(path.dirname(main).replace(`${path.sep}cjs${path.sep}`, `${path.sep}esm${path.sep}`), 'client', 'grpc-manager.js')
  const { GrpcManager } = await import(pathToFileURL(file).href)
  const manager = new GrpcManager({ token: o.token, endpoint: o.endpoint, tls: { disable: !o.tls, serverName: o.serverName, caCert: o.caCert } })
  await manager.initClient()
  try {
    await version(manager.client, timeoutMs)
  } finally {
    manager.destroyClient()
  }
}
