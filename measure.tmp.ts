import { readFileSync, readdirSync } from 'node:fs'
import { parse } from 'yaml'
import { classifyMessage } from './src/classify/classify-message.js'
import { DEFAULT_SKILLS_DIR, KnowledgeBase } from './src/knowledge/knowledge-base.js'
const kb = await KnowledgeBase.open(DEFAULT_SKILLS_DIR)
const dir = '/work/wt-decision/test/fixtures/'
const where = { chat: 'group' as const, mentioned: true }
const only = process.argv[2]
for (const f of readdirSync(dir).filter(f => /^(complaints|questions).*\.yaml$/.test(f)).filter(f => !only || f.includes(only))) {
  const d = parse(readFileSync(dir + f, 'utf8'))
  const qs: string[] = [...(d.questions ?? []).map((q: any) => q.q), ...(d.unknown ?? []), ...(d.non_complaints ?? []), ...(d.chat ?? [])]
  const cs: any[] = d.complaints ?? []
  const qFiled = qs.filter(q => classifyMessage(q, where, kb).intent === 'complaint')
  const cMissed = cs.filter(c => classifyMessage(c.text, where, kb).intent !== 'complaint')
  const urg = cs.filter(c => c.urgent)
  const uMissed = urg.filter(c => !classifyMessage(c.text, where, kb).urgent)
  const uExtra = cs.filter(c => !c.urgent && classifyMessage(c.text, where, kb).urgent)
  console.log(`${f}: questions filed ${qFiled.length}/${qs.length}; complaints filed ${cs.length - cMissed.length}/${cs.length}; urgent ${urg.length - uMissed.length}/${urg.length}; extra urgent ${uExtra.length}`)
  for (const q of qFiled) console.log('   Q→ticket:', q)
  for (const c of cMissed) console.log('   C missed:', c.text, '→', classifyMessage(c.text, where, kb).intent)
  for (const c of uMissed) console.log('   not urgent:', c.text)
  for (const c of uExtra) console.log('   extra urgent:', c.text)
}
