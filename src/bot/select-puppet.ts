import type { WechatyInterface } from 'wechaty/impls'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetService } from 'wechaty-puppet-service'
import type { Options } from '../config/read-env-options.js'
import { gatewayLink, type GatewayLink } from './gateway-link.js'

export interface BuiltBot { bot: WechatyInterface, mocker?: mock.Mocker, link?: GatewayLink }

/**
 * Token → the puppet service at the configured endpoint; WECHATY_PUPPET → that puppet;
 * neither → the local sandbox on the mock puppet. `watchdogSeconds` (tests only) shortens
 * the puppet's heartbeat watchdog, 60 s by default.
 */
export function buildWechaty (options: Options, name: string, watchdogSeconds?: number): BuiltBot {
  const p = options.puppet
  if (p.kind === 'service') {
    const puppet = new PuppetService({
      token: p.token,
      endpoint: p.endpoint,
      tls: { disable: !p.tls, serverName: p.serverName, caCert: p.caCert },
      ...(watchdogSeconds ? { timeoutSeconds: watchdogSeconds } : {})
    })
    return { bot: WechatyBuilder.build({ name, puppet }), link: gatewayLink(puppet) }
  }
  if (p.kind === 'named') {
    return { bot: WechatyBuilder.build({ name, puppet: p.name as any }) }
  }
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  return { bot: WechatyBuilder.build({ name, puppet }), mocker }
}
