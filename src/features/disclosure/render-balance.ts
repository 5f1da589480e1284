import { buildStatement } from '../../ledger/build-statement.js'
import type { LedgerVersion } from '../../ledger/ledger-book.js'
import { formatFen } from '../../ledger/money.js'
import { shanghaiDate } from '../../clock/shanghai-time.js'
import type { App } from '../../app/types.js'
import { publishedVersions } from '../../ledger/ledger-book.js'
import { openDisclosure, type DisclosureData } from './disclosure-store.js'

const NOTHING_PUBLISHED = '还没有经业委会主任确认发布的收支公示。按规定每年一月和七月公布，届时会发到业主群。'

/** What `/余额` says, also to an owner who asks how much money there is. */
export async function balanceReply (app: Pick<App, 'storage' | 'compound'>): Promise<string> {
  const data = (await openDisclosure(app)).data
  const latest = publishedVersions(data.book).at(-1)
  return latest === undefined ? NOTHING_PUBLISHED : renderBalance(app.compound.name, data, latest)
}

/** `/余额`: closing balances of the latest published version only; drafts are never shown. */
function renderBalance (compoundName: string, data: DisclosureData, version: LedgerVersion): string {
  const statement = buildStatement(data.book, version)
  // accounts published before the half-year ended are balances as of that day, not of its end
  const published = version.publishedAt !== undefined ? shanghaiDate(new Date(version.publishedAt)) : statement.period.end
  const asOf = published < statement.period.end ? published : statement.period.end
  return [
    `【${compoundName} 最新公示余额】${statement.period.label}，截至${asOf}（第${version.id}版）`,
    ...statement.funds.map(f => `${f.fund}：${formatFen(f.closingFen)}`),
    '以上为业委会主任确认发布的数据；明细见每年一月和七月发到业主群的收支公示。'
  ].join('\n')
}
