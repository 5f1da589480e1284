import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { classifyComplaint } from './src/complaints/classify-complaint.js'
import { answerQuestion } from './src/knowledge/answer-question.js'
import { DEFAULT_SKILLS_DIR, KnowledgeBase } from './src/knowledge/knowledge-base.js'
import { QUESTION } from './src/classify/message-patterns.js'
import { toSimplified } from './src/text/to-simplified.js'
const kb = await KnowledgeBase.open(DEFAULT_SKILLS_DIR)
const qs = [...(parse(readFileSync('test/fixtures/questions.yaml','utf8')).questions), ...(parse(readFileSync('test/fixtures/questions-holdout.yaml','utf8')).questions)].map((x: any) => x.q)
const cs = ['complaints.yaml','complaints-holdout.yaml','complaints-holdout-2.yaml'].flatMap(f => (parse(readFileSync('test/fixtures/'+f,'utf8')).complaints ?? []).map((x: any) => x.text))
function row (t: string) { const s = toSimplified(t); const c = classifyComplaint(s); const a = answerQuestion(kb, s); return { asks: QUESTION.test(s), ans: a.kind, aScore: a.kind === 'answer' ? Math.round(a.score*100)/100 : 0, isC: c.isComplaint, conf: Math.round(c.confidence*100)/100, cat: c.category, t } }
console.log('QUESTIONS that are complaint-like & procedural:')
for (const r of qs.map(row).filter(r => r.isC)) console.log(JSON.stringify(r))
console.log('COMPLAINTS taken as procedural:')
for (const r of cs.map(row).filter(r => r.isC && r.asks && r.ans === 'answer')) console.log(JSON.stringify(r))
console.log(JSON.stringify(row('3号楼楼顶漏水找物业，物业说要用维修资金找业委会，业委会又说找居委会，到底谁管')))
