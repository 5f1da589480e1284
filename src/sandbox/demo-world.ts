/**
 * The people and groups of the demo compound 阳光花园, with stable ids. Roles are not here:
 * they come from config/compound.yaml by contact id, exactly as on real WeChat.
 */
export interface WorldPerson { id: string, name: string, friend: boolean }
export interface WorldRoom { id: string, topic: string, members: string[] }

export const BOT = { id: 'wxid_xiaoqu_bot', name: '小区助手' }

export const PEOPLE: WorldPerson[] = [
  { id: 'wxid_zhang_ayi', name: '张阿姨', friend: true },
  { id: 'wxid_li_xiansheng', name: '李先生', friend: true },
  // Not a friend of the bot: private replies to her fall back to an @-mention in the group.
  { id: 'wxid_wang_nvshi', name: '王女士', friend: false },
  { id: 'wxid_zhao_zhuren', name: '赵主任', friend: true },
  { id: 'wxid_qian_weiyuan', name: '钱委员', friend: true },
  { id: 'wxid_liu_jingli', name: '刘经理', friend: true },
  { id: 'wxid_chen_zhuren', name: '陈主任', friend: true },
  { id: 'wxid_sun_shuji', name: '孙书记', friend: true }
]

const OWNERS = ['wxid_zhang_ayi', 'wxid_li_xiansheng', 'wxid_wang_nvshi', 'wxid_zhao_zhuren', 'wxid_qian_weiyuan', 'wxid_liu_jingli']

export const ROOMS: WorldRoom[] = [
  { id: 'yangguang-owners@chatroom', topic: '阳光花园业主群', members: OWNERS },
  { id: 'yangguang-property@chatroom', topic: '物业服务群', members: ['wxid_liu_jingli', 'wxid_zhao_zhuren'] },
  { id: 'yangguang-joint@chatroom', topic: '四位一体工作群', members: ['wxid_zhao_zhuren', 'wxid_qian_weiyuan', 'wxid_liu_jingli', 'wxid_chen_zhuren', 'wxid_sun_shuji'] }
]
