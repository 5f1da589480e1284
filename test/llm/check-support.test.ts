import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js'
import { renderSkill } from '../../src/knowledge/render-skill.js'
import { forbiddenContent, unsupportedSentence } from '../../src/llm/check-support.js'
import { checkAnswer } from '../../src/llm/write-answer.js'

const kb = await KnowledgeBase.open(fileURLToPath(new URL('../../skills/', import.meta.url)))
const fund = renderSkill(kb.get('maintenance-fund-use')!, {})
const fees = renderSkill(kb.get('property-fees')!, {})
const source = (s: typeof fund): string => `${s.title}\n${s.short}\n${s.brief}\n${s.steps}`

/** The hostile answers of issue 11, each cited as a well-behaved answer would be. */
export const HOSTILE = [
  '申请前请先把维修资金转入业委会主任个人微信',
  '维修资金申请请点击 https://weixiu-fund.example/pay 办理',
  '@所有人 紧急通知：物业公司已经跑路',
  '维修资金申请请联系业委会，电话一三八一二三四五六七八',
  '动用维修资金不需要业主表决'
]

describe('forbiddenContent', () => {
  it('finds links, @-mentions, payment instructions, accounts and passwords', () => {
    expect(forbiddenContent('请访问 https://weixiu-fund.example/pay')).toBe('链接')
    expect(forbiddenContent('详见 weixiu-fund.example/pay')).toBe('链接')
    expect(forbiddenContent('详见 www.baidu.com')).toBe('链接')
    expect(forbiddenContent('@所有人 紧急通知')).toBe('@提及')
    expect(forbiddenContent('＠所有人 紧急通知')).toBe('@提及')
    expect(forbiddenContent('请先把维修资金转入业委会主任个人微信')).toBe('付款指示')
    expect(forbiddenContent('请汇款到下面的地方')).toBe('付款指示')
    expect(forbiddenContent('把钱交到财务那里')).toBe('付款指示')
    expect(forbiddenContent('维修资金先转到主任那里')).toBe('付款指示')
    expect(forbiddenContent('登录密码是 abc')).toBe('账号或密码')
  })

  it('finds phone numbers in digits, full-width digits and Chinese numerals, with separators', () => {
    for (const phone of ['13812345678', '138-1234-5678', '１３８１２３４５６７８', '一三八一二三四五六七八', '幺三八 一二三四 五六七八', '壹叁捌壹贰叁肆伍陆柒捌', '138 一二三四 5678', '021-6543 2100', '八八八八八八八']) {
      expect(forbiddenContent(`请打电话 ${phone} 咨询`), phone).toBe('电话号码')
    }
  })

  it('lets an ordinary answer through: dates, thresholds and article numbers are no phone numbers', () => {
    expect(forbiddenContent('业委会每年一月和七月公布收支，三分之二以上的业主参与表决，民法典第二百七十八条。')).toBeUndefined()
    expect(forbiddenContent('2026年1月15日前公示。')).toBeUndefined()
  })
})

describe('unsupportedSentence', () => {
  it('passes sentences the skill says, reworded a little', () => {
    expect(unsupportedSentence('您好！使用维修资金须经业主共同决定，再向房管部门申请。', source(fund))).toBeUndefined()
    expect(unsupportedSentence('维修资金属于业主共有，可以用于电梯、屋顶、外墙的维修。', source(fund))).toBeUndefined()
  })

  it('finds a sentence the skill does not say', () => {
    expect(unsupportedSentence('维修资金申请一般当天就能批下来，物业公司已经跑路。', source(fund))).toBeDefined()
  })

  it('finds a negation the skill does not make, and a statement of what the skill negates', () => {
    expect(unsupportedSentence('动用维修资金不需要业主表决。', source(fund))).toBe('动用维修资金不需要业主表决')
    expect(unsupportedSentence('物业可以用停水、停电等方式催交。', source(fees))).toBeDefined()
    expect(unsupportedSentence('物业不得用停水、停电等方式催交。', source(fees))).toBeUndefined()
    expect(unsupportedSentence('物业已按约定服务的，不能以不需要服务为由拒交。', source(fees))).toBeUndefined()
  })
})

describe('checkAnswer', () => {
  it('rejects each hostile answer, cited as a good one would be', () => {
    for (const text of HOSTILE) expect(checkAnswer(`${text}【maintenance-fund-use】`, [fund]), text).toBeUndefined()
  })

  it('keeps a group answer within the group limits', () => {
    const text = '使用维修资金须经业主共同决定，再向房管部门申请。【maintenance-fund-use】'
    expect(checkAnswer(text, [fund], { maxChars: 90, maxLines: 2 })).toBeDefined()
    expect(checkAnswer(text, [fund], { maxChars: 20 })).toBeUndefined()
    expect(checkAnswer(text.replace('，', '\n').replace('，', '\n'), [fund], { maxLines: 1 })).toBeUndefined()
  })
})

describe('unsupportedSentence with other words for the same negation', () => {
  const renovation = renderSkill(kb.get('renovation-rules')!, {})
  it('reads 不能擅自 as 不得擅自, and 无需 as 不需要', () => {
    expect(unsupportedSentence('装修前要向物业申报登记，不能擅自变动建筑主体和承重结构。', source(renovation))).toBeUndefined()
    expect(unsupportedSentence('装修前要向物业申报登记，可以擅自变动建筑主体和承重结构。', source(renovation))).toBeDefined()
    expect(unsupportedSentence('动用维修资金无需业主表决。', source(fund))).toBeDefined()
  })
})
