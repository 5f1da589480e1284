import { ASKS_REASON, ASKS_ROUTE, CLAUSE, EMBEDDED_REPORT, NOT_A_QUESTION, PROCEDURE_SUBJECT, QUESTION, RHETORICAL } from './message-patterns.js'

/**
 * What a message asks, clause by clause (Simplified text). `route`: how things work, whom to
 * turn to, whether it is allowed — answered, never filed. `info`: a fact (where did the money
 * go, when, why). `statements`: the clauses that ask nothing, rhetorical questions included
 * ("物业到底修不修"), which is where a report of a problem is found.
 */
export interface QuestionReading {
  route: boolean
  info: boolean
  statements: string
  /** the statements without the rhetorical clauses: what the message plainly reports */
  plain: string
}

const MARKS = /[？?]/gu

export function readQuestion (text: string): QuestionReading {
  let route = false
  let info = false
  const statements: string[] = []
  const plainStatements: string[] = []
  for (const clause of text.match(CLAUSE) ?? []) {
    const rhetorical = clause.replace(RHETORICAL, '　')
    // A rhetorical question's question mark asks nothing either.
    const plain = (rhetorical === clause ? clause : rhetorical.replace(MARKS, '')).replace(NOT_A_QUESTION, '　')
    const asks = QUESTION.test(plain) && !(EMBEDDED_REPORT.test(plain) && !ASKS_REASON.test(plain))
    // "能不能动用那笔大修的钱修一下" asks how the fund is used, even said as a request.
    if (ASKS_ROUTE.test(plain) || (PROCEDURE_SUBJECT.test(clause) && (asks || ASKS_ROUTE.test(clause)))) route = true
    else if (asks) info = true
    else {
      statements.push(clause)
      if (rhetorical === clause) plainStatements.push(clause)
    }
  }
  // "外墙渗水想用公共维修金，要几个人签字同意" asks how the fund is used: a procedure.
  if (info && PROCEDURE_SUBJECT.test(statements.join(''))) route = true
  return { route, info, statements: statements.join(''), plain: plainStatements.join('') }
}
