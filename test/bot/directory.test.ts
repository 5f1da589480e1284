import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'
import { createDirectory } from '../../src/bot/wechaty-transport.js'
import { parseCompound } from '../../src/config/load-compound.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

describe('directory', () => {
  it('a topic pattern selects every matching owner group; an exact topic or id selects one', async () => {
    h = await openSandbox()
    const mocker = h.session.runtime.mocker!
    mocker.createRoom({ id: 'yangguang-owners-2@chatroom', topic: '阳光花园业主二群', memberIdList: ['wxid_xiaoqu_bot', 'wxid_li_xiansheng'] })
    const yaml = (groups: string) => `name: 阳光花园\nowner_groups:\n${groups}`
    const byPattern = createDirectory(h.session.runtime.bot, parseCompound(yaml('  - room_topic: /^阳光花园业主.*群$/\n'), 'c.yaml'))
    expect((await byPattern.ownerRooms()).map(r => r.topic).sort()).toEqual(['阳光花园业主二群', '阳光花园业主群'])
    const exact = createDirectory(h.session.runtime.bot, parseCompound(yaml('  - room_topic: 阳光花园业主群\n  - room_id: yangguang-owners@chatroom\n'), 'c.yaml'))
    expect(await exact.ownerRooms()).toEqual([{ id: 'yangguang-owners@chatroom', topic: '阳光花园业主群' }])
  })

  it('resolves body targets from the YAML, by group topic or by contact id', async () => {
    h = await openSandbox()
    const { directory } = h.session.runtime.app
    expect(await directory.bodyTarget('property')).toEqual({ kind: 'room', roomId: 'yangguang-property@chatroom' })
    expect(await directory.bodyTarget('residents')).toEqual({ kind: 'contact', contactId: 'wxid_chen_zhuren' })
    expect(await directory.bodyTarget('police')).toBeUndefined()
  })

  it('lists a group\'s members by contact id (recusal checks who would read a card)', async () => {
    h = await openSandbox()
    const { directory } = h.session.runtime.app
    expect((await directory.roomMembers('yangguang-property@chatroom')).sort()).toEqual(['wxid_liu_jingli', 'wxid_xiaoqu_bot', 'wxid_zhao_zhuren'])
    expect(await directory.roomMembers('no-such@chatroom')).toEqual([])
  })
})
