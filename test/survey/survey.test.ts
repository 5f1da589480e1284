import { describe, expect, it } from 'vitest'
import { parseSurveyAnswer } from '../../src/survey/parse-survey-answer.js'
import { recordAnswer, summarizeSurvey, type Survey } from '../../src/survey/survey.js'
import { renderSurveySummary } from '../../src/survey/render-survey.js'

const sh = (text: string): Date => new Date(`${text}+08:00`)

const open = (): Survey => ({
  id: 1,
  title: '2027年上半年物业服务意见征询',
  openedAt: sh('2027-06-01T09:00:00').toISOString(),
  closesAt: sh('2027-06-15T09:00:00').toISOString(),
  status: 'open',
  responses: {}
})

describe('parseSurveyAnswer', () => {
  it('reads a rating first and an optional comment', () => {
    expect(parseSurveyAnswer('4')).toEqual({ rating: 4 })
    expect(parseSurveyAnswer('4分，保洁及时')).toEqual({ rating: 4, comment: '保洁及时' })
    expect(parseSurveyAnswer('三 电梯老坏')).toEqual({ rating: 3, comment: '电梯老坏' })
    expect(parseSurveyAnswer('★★')).toEqual({ rating: 2 })
    expect(parseSurveyAnswer('５分')).toEqual({ rating: 5 })
    expect(parseSurveyAnswer('評分：2 門禁壞了')).toEqual({ rating: 2, comment: '门禁坏了' })
  })

  it('is not fooled by other messages', () => {
    for (const text of ['6', '10分', '45', '电梯坏了', '0', '3号楼漏水']) expect(parseSurveyAnswer(text), text).toBeUndefined()
  })
})

describe('survey answers and summary', () => {
  it('keeps one answer per owner (the latest) and refuses after closing', () => {
    let survey = open()
    const first = recordAnswer(survey, 'wxid_a', { rating: 2 }, sh('2027-06-02T10:00:00'))
    if (!first.ok) throw new Error(first.message)
    const again = recordAnswer(first.survey, 'wxid_a', { rating: 4, comment: '改善了' }, sh('2027-06-03T10:00:00'))
    if (!again.ok) throw new Error(again.message)
    expect(again.replaced).toBe(true)
    survey = again.survey
    expect(Object.keys(survey.responses)).toEqual(['wxid_a'])
    expect(survey.responses.wxid_a?.rating).toBe(4)
    const late = recordAnswer(survey, 'wxid_b', { rating: 5 }, sh('2027-06-15T09:00:00'))
    expect(late).toEqual({ ok: false, message: '这次意见征询已经结束，谢谢关注。' })
  })

  it('counts, averages and finds the themes owners share', () => {
    let survey = open()
    const answers: Array<[string, number, string?]> = [
      ['a', 5, '保洁很及时'], ['b', 4, '电梯经常故障，保洁还行'], ['c', 2, '电梯故障没人修'],
      ['d', 3], ['e', 1, '停车乱，电梯故障']
    ]
    for (const [id, rating, comment] of answers) {
      const r = recordAnswer(survey, id, { rating, ...(comment !== undefined && { comment }) }, sh('2027-06-02T10:00:00'))
      if (!r.ok) throw new Error(r.message)
      survey = r.survey
    }
    const summary = summarizeSurvey(survey)
    expect(summary).toMatchObject({ total: 5, counts: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }, average: 3, withComment: 4 })
    expect(summary.themes.slice(0, 3)).toEqual([
      { word: '电梯', comments: 3 }, { word: '故障', comments: 3 }, { word: '保洁', comments: 2 }
    ])
    const text = renderSurveySummary(survey, summary)
    expect(text).toContain('参与：5人；平均分：3.00')
    expect(text).toContain('电梯（3条）')
    expect(text).not.toMatch(/wxid|\b[a-e]\b/)
  })

  it('has no average without answers', () => {
    const summary = summarizeSurvey(open())
    expect(summary).toMatchObject({ total: 0, themes: [] })
    expect(summary.average).toBeUndefined()
  })
})
