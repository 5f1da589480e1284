import type { WechatyInterface } from 'wechaty/impls'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetService } from 'wechaty-puppet-service'
import type { Options } from '../config/read-env-options.js'

export interface BuiltBot { bot: WechatyInterface, mocker?: mock.Mocker }

/**
 * Token → the puppet service at the configured endpoint; WECHATY_PUPPET → that puppet;
 * neither → the local sandbox on the mock puppet.
 */
export function buildWechaty (options: Options, name: string): BuiltBot {
  const p = options.puppet
  if (p.kind === 'service') {
    const puppet = new PuppetService({ token: p.token, endpoint: p.endpoint, tls: { disable: !p.tls } })
    return { bot: WechatyBuilder.build({ name, puppet }) }
  }
  if (p.kind === 'named') {
    return { bot: WechatyBuilder.build({ name, puppet: p.name as any }) }
  }
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  return { bot: WechatyBuilder.build({ name, puppet }), mocker }
}
