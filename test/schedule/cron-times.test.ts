import { describe, expect, it } from 'vitest'
import { cronProblem, cronTimesBetween } from '../../src/schedule/cron-times.js'

const iso = (dates: Date[]): string[] => dates.map(d => d.toISOString())
const sh = (text: string): Date => new Date(`${text}+08:00`)

describe('cronTimesBetween (Asia/Shanghai)', () => {
  it('fires the fund statement on January 5 and July 5 at 09:00 Shanghai time', () => {
    expect(iso(cronTimesBetween('0 9 5 1,7 *', sh('2027-01-01T00:00:00'), sh('2028-01-01T00:00:00')))).toEqual([
      '2027-01-05T01:00:00.000Z', '2027-07-05T01:00:00.000Z'
    ])
  })

  it('excludes the start instant and includes the end instant', () => {
    const at = sh('2027-01-05T09:00:00')
    expect(cronTimesBetween('0 9 5 1,7 *', at, sh('2027-01-06T00:00:00'))).toEqual([])
    expect(iso(cronTimesBetween('0 9 5 1,7 *', sh('2027-01-05T08:59:00'), at))).toEqual(['2027-01-05T01:00:00.000Z'])
  })

  it('uses the Shanghai date, not the UTC date, near midnight', () => {
    // 00:30 on the 1st in Shanghai is still the last day of the previous month in UTC
    expect(iso(cronTimesBetween('30 0 1 * *', sh('2027-02-28T00:00:00'), sh('2027-03-02T00:00:00')))).toEqual(['2027-02-28T16:30:00.000Z'])
  })

  it('understands last day of month, the n-th weekday and the last weekday', () => {
    expect(iso(cronTimesBetween('0 9 L * *', sh('2027-02-01T00:00:00'), sh('2027-03-01T00:00:00')))).toEqual(['2027-02-28T01:00:00.000Z'])
    expect(iso(cronTimesBetween('0 9 L * *', sh('2028-02-01T00:00:00'), sh('2028-03-01T00:00:00')))).toEqual(['2028-02-29T01:00:00.000Z'])
    // second Monday of January 2027 is the 11th; last Friday is the 29th
    expect(iso(cronTimesBetween('0 19 * * 1#2', sh('2027-01-01T00:00:00'), sh('2027-02-01T00:00:00')))).toEqual(['2027-01-11T11:00:00.000Z'])
    expect(iso(cronTimesBetween('0 19 * * 5L', sh('2027-01-01T00:00:00'), sh('2027-02-01T00:00:00')))).toEqual(['2027-01-29T11:00:00.000Z'])
  })

  it('matches day of month AND day of week, like node-cron', () => {
    // the first Monday among days 1–7
    expect(iso(cronTimesBetween('0 9 1-7 * 1', sh('2027-03-01T00:00:00'), sh('2027-04-01T00:00:00')))).toEqual(['2027-03-01T01:00:00.000Z'])
  })

  it('stops at the limit for very frequent patterns', () => {
    expect(cronTimesBetween('* * * * *', sh('2027-01-01T00:00:00'), sh('2027-12-31T00:00:00'), 50)).toHaveLength(50)
  })
})

describe('cronProblem', () => {
  it('accepts what node-cron validates and the scheduler understands', () => {
    expect(cronProblem('0 9 5 1,7 *')).toBeUndefined()
    expect(cronProblem('0 9 * * 1#2')).toBeUndefined()
  })

  it('explains in Chinese what it refuses', () => {
    expect(cronProblem('0 9 5 1,7')).toBe('「0 9 5 1,7」不是有效的 cron 表达式（分 时 日 月 周）')
    expect(cronProblem('0 25 * * *')).toContain('不是有效的 cron 表达式')
    expect(cronProblem('0 9 15W * *')).toBe('「0 9 15W * *」中的 15W 暂不支持')
  })
})
