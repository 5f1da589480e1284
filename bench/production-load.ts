// The 1,000 mixed messages of `bench-production`: questions, complaints and follow-ups,
// commands, chatter the bot ignores and private messages, from six owners in turn, with the
// sandbox clock moved an hour every 40 messages (hourly limits reset, schedules tick).
const GROUP = [
  '@小区助手 维修资金怎么申请?',
  '今天天气不错，晚上一起散步',
  '@小区助手 业委会选举要多少业主同意？',
  '@小区助手 5号楼电梯坏了三天了没人修',
  '/帮助',
  '@小区助手 物业费标准是多少',
  '楼下的快递柜满了',
  '@小区助手 楼上半夜装修电钻吵得睡不着',
  '@小区助手 #1 怎么还没修',
  '@小区助手 小区公共收益怎么公开的',
  '@小区助手 你好',
  '@小区助手 違章搭建找誰處理？'
]
const PRIVATE = ['维修资金怎么申请', '接待日是哪天', '3号楼路灯坏了']
const OWNERS = ['张阿姨', '李先生', '王女士', '赵主任', '钱委员', '刘经理']

export const END_MARKER = '无此人'

/** Sandbox input lines carrying `count` messages; the last line asks for an unknown person, as an end marker. */
export function mixedLoad (count: number, start: Date): string[] {
  const lines: string[] = []
  let clock = start.getTime()
  for (let i = 0; i < count; i++) {
    if (i % 40 === 0 && i > 0) {
      clock += 3_600_000
      lines.push(`:clock ${shanghai(new Date(clock))}`)
    }
    lines.push(`:as ${OWNERS[i % OWNERS.length]}`)
    if (i % 10 === 9) lines.push(':dm', PRIVATE[i % PRIVATE.length]!, ':in 阳光花园业主群')
    else lines.push(GROUP[i % GROUP.length]!)
  }
  lines.push(`:as ${END_MARKER}`)
  return lines
}

function shanghai (d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
