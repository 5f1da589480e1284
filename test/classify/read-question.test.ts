import { describe, expect, it } from 'vitest'
import { readQuestion } from '../../src/classify/read-question.js'
import { toSimplified } from '../../src/text/to-simplified.js'

const read = (text: string) => readQuestion(toSimplified(text))

describe('readQuestion', () => {
  it('sees questions about whom to turn to, what is allowed and how things work', () => {
    for (const t of ['電瓶車能不能在樓道充電', '業委會不開會也不公示賬目，向誰反映', '噪音扰民可以报警吗', '楼道灯不亮了物业管不管',
      '高空抛物抓到了会怎么处罚', '楼上每晚十一点还在跳绳，该找谁出面', '地下车库出租车位的钱是业主的还是物业的', '咨询 物业费标准']) {
      expect(read(t).route, t).toBe(true)
    }
  })

  it('reads a factual question apart from the report beside it', () => {
    expect(read('我们小区停车位收的钱去哪了')).toMatchObject({ route: false, info: true, plain: '' })
    expect(read('小区电梯广告和停车费的收入到底去哪了 从来没公示过一分钱')).toMatchObject({ info: true, plain: '从来没公示过一分钱' })
  })

  it('takes a question that says the thing was never done for a report ("用在哪了从来没公布过")', () => {
    expect(read('维修资金用在哪了从来没公布过')).toMatchObject({ route: false, info: false })
    expect(read('业委会的账目为什么从来不公示')).toMatchObject({ info: true }) // asks why: a question
  })

  it('does not take exasperation or quantities for questions', () => {
    for (const t of ['物业到底修不修', '物业费凭什么涨价', '咱们楼的电梯最近老停在半层，门开一半，谁敢坐啊', '晚上大门口岗亭一个人都没有，谁都能进来',
      '保洁好几天没来了，电梯里一股味', '廣場舞太擾民了，能不能管管', '监控能不能调一下', '这不是违建吗？']) {
      expect(read(t), t).toMatchObject({ route: false, info: false })
    }
  })

  it('keeps a request to use the maintenance fund a procedure question', () => {
    expect(read('电梯坏了好几天了，能不能动用那笔大修的钱修一下').route).toBe(true)
    expect(read('外墙渗水想用公共维修金，要几个人签字同意啊').route).toBe(true)
  })
})
