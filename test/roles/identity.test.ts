import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { roleSchema } from '../../src/roles/role-book.js'
import { type Harness, openSandbox } from '../helpers/sandbox-harness.js'

let h: Harness | undefined
afterEach(async () => { await h?.dispose(); h = undefined })

function rename (h: Harness, id: string, name: string): void {
  const mocker = h.session.runtime.mocker!
  mocker.contactPayload(id, { ...mocker.contactPayload(id), name })
}

describe('identity and roles', () => {
  it('a member who renames themselves 业委会主任 still cannot run committee commands', async () => {
    h = await openSandbox()
    rename(h, 'wxid_li_xiansheng', '业委会主任')
    const [reply] = await h.run(':as 李先生', '/角色 授予 @张阿姨 委员')
    expect(reply!.text).toContain('需要业委会主任身份')
    expect(h.session.runtime.app.roles.rolesOf('wxid_zhang_ayi').has('committee')).toBe(false)
    await h.session.runtime.storage.commit()
    await h.session.runtime.storage.checkpoint() // from the journal into audit/2026-11.jsonl
    const lines = (await readFile(path.join(h.dataDir, 'audit', '2026-11.jsonl'), 'utf8')).trim().split('\n').map(l => JSON.parse(l))
    expect(lines).toContainEqual(expect.objectContaining({ who: 'wxid_li_xiansheng', action: '/角色', result: 'refused: role' }))
  })

  it('the chair grants a role by @-mention; it is keyed by contact id and survives a rename', async () => {
    h = await openSandbox()
    const [granted] = await h.run(':as 赵主任', '/角色 授予 @张阿姨 委员')
    expect(granted!.text).toContain('已授予张阿姨（wxid_zhang_ayi）「业委会委员」')
    rename(h, 'wxid_zhang_ayi', '张阿姨的新昵称')
    const [list] = await h.run('/角色 列表')
    expect(list!.text).toMatch(/业委会委员：.*wxid_zhang_ayi/)
    const [revoked] = await h.run('/角色 撤销 wxid_zhang_ayi 委员')
    expect(revoked!.text).toContain('已撤销')
    expect(h.session.runtime.app.roles.rolesOf('wxid_zhang_ayi').has('committee')).toBe(false)
  })

  it('the last chair cannot be revoked; a hand-over grants the new chair first', async () => {
    h = await openSandbox()
    const [self] = await h.run(':as 赵主任', ':dm', '/角色 撤销 wxid_zhao_zhuren 主任')
    expect(self!.text).toContain('唯一的业委会主任，不能撤销')
    expect(self!.text).toContain('请先用「/角色 授予 @新主任 主任」')
    expect(h.session.runtime.app.roles.has('wxid_zhao_zhuren', 'chair')).toBe(true)
    const handOver = await h.run('/角色 授予 wxid_qian_weiyuan 主任', '/角色 撤销 wxid_zhao_zhuren 主任')
    expect(handOver.map(m => m.text)).toEqual([
      expect.stringContaining('已授予钱委员（wxid_qian_weiyuan）「业委会主任」'),
      expect.stringContaining('已撤销赵主任（wxid_zhao_zhuren）「业委会主任」')
    ])
    const [last] = await h.run(':as 钱委员', '/角色 撤销 wxid_qian_weiyuan 主任')
    expect(last!.text).toContain('不能撤销')
    expect(h.session.runtime.app.roles.membersOf('chair')).toEqual(['wxid_qian_weiyuan'])
  })

  it('a grant names a real contact: an @-mention or a known contact id, never a typed nickname', async () => {
    h = await openSandbox()
    const [nickname] = await h.run(':as 赵主任', '/角色 授予 李先生 委员')
    expect(nickname!.text).toContain('找不到联系人「李先生」')
    const [unknown] = await h.run(':dm', '/角色 授予 wxid_nobody 委员')
    expect(unknown!.text).toContain('找不到联系人「wxid_nobody」')
    expect(h.session.runtime.app.roles.membersOf('committee')).not.toContain('wxid_nobody')
    expect(Object.keys((await h.session.runtime.storage.open<any>('roles', () => ({}), { schema: roleSchema })).data.people ?? {})).not.toContain('李先生')
    const [byId] = await h.run('/角色 授予 wxid_li_xiansheng 委员')
    expect(byId!.text).toContain('已授予李先生（wxid_li_xiansheng）「业委会委员」')
    const [notHeld] = await h.run('/角色 撤销 wxid_zhang_ayi 财务')
    expect(notHeld!.text).toContain('没有「')
  })

  it('wrong arguments get a usage line, unknown commands a pointer to /帮助', async () => {
    h = await openSandbox()
    const [bad] = await h.run(':as 赵主任', '/角色 授予 @张阿姨 国王')
    expect(bad!.text).toContain('请写明身份')
    const [unknown] = await h.run('/不存在的命令')
    expect(unknown!.text).toContain('没有「/不存在的命令」这个命令')
  })

  it('help lists only the commands the asker may use', async () => {
    h = await openSandbox()
    const [owner] = await h.run(':as 张阿姨', '/帮助')
    expect(owner!.text).not.toContain('/角色')
    const [chair] = await h.run(':as 赵主任', ':dm', '/帮助') // members' commands come privately
    expect(chair!.text).toContain('/角色')
    expect(chair!.text).toContain('例：')
  })

  it('bootstraps the first chair with a one-time code sent privately', async () => {
    const { allFeatures } = await import('../../src/features/index.js')
    h = await openSandbox({ features: allFeatures({ bootstrapCode: '424242' }) })
    h.session.runtime.app.roles.revoke('wxid_zhao_zhuren', 'chair')
    const [inGroup] = await h.run(':as 李先生', '/认证 424242')
    expect(inGroup!.text).toContain('请私聊')
    const [wrong] = await h.run(':dm', '/认证 000000')
    expect(wrong!.text).toContain('不正确')
    const [ok] = await h.run('/认证 424242')
    expect(ok!.text).toContain('认证成功')
    expect(h.session.runtime.app.roles.has('wxid_li_xiansheng', 'chair')).toBe(true)
    const [again] = await h.run(':as 张阿姨', '/认证 424242')
    expect(again!.text).toContain('已有业委会主任')
  })
})
