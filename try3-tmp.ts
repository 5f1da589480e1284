import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import { explainComplaint } from './src/complaints/classify-complaint.js'
const f = parse(readFileSync(process.argv[2]!,'utf8'))
let ok=0
for (const c of f.complaints) {
  const r = explainComplaint(c.text); const lead = r.bodies[0]
  if (lead === c.lead) ok++
  if (lead !== c.lead || (!!c.urgent) !== r.urgent || !r.isComplaint) console.log(`${c.text} | want ${c.category}/${c.lead}${c.urgent?'/U':''} got ${r.isComplaint?'':'NOT '}${r.category}/${lead}${r.urgent?'/U':''} ${r.confidence}`)
}
console.log('lead', ok, '/', f.complaints.length)
for (const t of f.non_complaints) { const r = explainComplaint(t); if (r.isComplaint) console.log('FALSE POS', t, r.category) }
