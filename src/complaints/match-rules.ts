import type { ComplaintSkills } from './load-complaint-skills.js'
import type { CategoryConfig, IntentFile, UrgentFile } from './skill-schemas.js'

export interface CompiledVariant { id: string, patterns: RegExp[], bodies: string[], private?: boolean }
export interface CompiledCategory { config: CategoryConfig, patterns: Array<{ re: RegExp, weight: number }>, variants: CompiledVariant[] }
export interface CompiledUrgent { words: string[], patterns: RegExp[], together: RegExp[][], ignore: RegExp[] }
export interface CompiledIntent {
  prefixes: string[]
  signals: string[]
  question: RegExp[]
  greeting: RegExp[]
  praise: RegExp[]
}
export interface Rules {
  categories: CompiledCategory[]
  fallback: string
  urgent: CompiledUrgent
  intent: CompiledIntent
}

export interface RuleScore { id: string, score: number, patternHits: number, keywordHits: number }

const compile = (sources: string[], flags = 'u'): RegExp[] => sources.map(s => new RegExp(s, flags))

export function compileRules (skills: ComplaintSkills): Rules {
  return {
    categories: skills.categories.categories.map(config => ({
      config,
      patterns: config.patterns.map(p => typeof p === 'string'
        ? { re: new RegExp(p, 'iu'), weight: config.pattern_weight }
        : { re: new RegExp(p.pattern, 'iu'), weight: p.weight }),
      variants: config.variants.map(v => ({ id: v.id, patterns: compile(v.patterns, 'iu'), bodies: v.bodies, private: v.private }))
    })),
    fallback: skills.categories.fallback,
    urgent: compileUrgent(skills.urgent),
    intent: compileIntent(skills.intent)
  }
}

function compileUrgent (file: UrgentFile): CompiledUrgent {
  return { words: file.words, patterns: compile(file.patterns), together: file.together.map(t => compile(t.all)), ignore: compile(file.ignore, 'gu') }
}

function compileIntent (file: IntentFile): CompiledIntent {
  return {
    prefixes: file.complaint_prefixes,
    signals: file.complaint_signals,
    question: compile(file.question_patterns, 'iu'),
    greeting: compile(file.greeting_patterns, 'iu'),
    praise: compile(file.praise_patterns, 'iu')
  }
}

/** Keyword hits count once each; every matching problem pattern counts its weight. */
export function scoreRules (rules: Rules, text: string): RuleScore[] {
  return rules.categories.map(({ config, patterns }) => {
    const keywordHits = config.keywords.filter(k => text.includes(k.toLowerCase())).length
    const hits = patterns.filter(p => p.re.test(text))
    const score = keywordHits + hits.reduce((sum, p) => sum + p.weight, 0)
    return { id: config.id, score, patternHits: hits.length, keywordHits }
  })
}

/** The first variant whose pattern matches (flat-to-flat leak, fumes from a shop...). */
export function pickVariant (category: CompiledCategory, text: string): CompiledVariant | undefined {
  return category.variants.find(v => v.patterns.some(p => p.test(text)))
}

export function isUrgentText (urgent: CompiledUrgent, text: string): boolean {
  // Remove what only looks urgent (燃气费, 消防演练, 万一着火) before looking.
  const cleaned = urgent.ignore.reduce((t, re) => t.replace(re, '　'), text)
  return urgent.words.some(w => cleaned.includes(w)) || urgent.patterns.some(p => p.test(cleaned)) ||
    urgent.together.some(all => all.every(p => p.test(cleaned)))
}

export interface Intent {
  prefixed: boolean
  signals: number
  question: boolean
  greeting: boolean
  praise: boolean
}

export function readIntent (intent: CompiledIntent, text: string): Intent {
  const head = text.replace(/^[\s@:：,，.。!！\-—#【\[]+/u, '')
  return {
    prefixed: intent.prefixes.some(p => head.startsWith(p)),
    signals: intent.signals.filter(s => text.includes(s)).length,
    question: intent.question.some(p => p.test(head)),
    greeting: intent.greeting.some(p => p.test(head)),
    praise: intent.praise.some(p => p.test(head))
  }
}
