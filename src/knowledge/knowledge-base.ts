import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { Bm25Index, type IndexedDoc } from './bm25-index.js'
import { addFaqEntries, loadSkills, type SkillProblem } from './load-skills.js'
import { compileSynonyms, searchTerms, termWeight, type Lexicon } from './normalize-text.js'
import type { SourceTitles } from './render-skill.js'
import { FAQ_ID, type Skill } from './skill-schema.js'
import { parseYamlText } from '../text/parse-yaml.js'
import { loadSegmenter } from '../text/segment.js'
import { toSimplified } from '../text/to-simplified.js'

// How much each part of a skill counts when matching a question. Owners' own phrasings
// (examples) and the title say what a skill is about; the steps mention many other things.
const FIELD_WEIGHTS = { title: 3, examples: 3, short: 1, steps: 0.3 }
/**
 * Share of the score that comes from the single closest example question (a second index
 * where each example is its own document): a question worded like one example should win
 * even when another skill's long text shares more words. 0.3 was the best of 0, 0.3, 0.5,
 * 0.7 on the fixture questions (+1.6 points top-1 over whole-skill BM25F alone).
 */
const EXAMPLE_SHARE = 0.3
/** A plain word in more than this share of the skills is no evidence of any one of them. */
const COMMON_SHARE = 0.8
/** A concept in at most half the skills names a topic ("维修资金", not "物业"). */
const SPECIFIC_SHARE = 0.5

const synonymsSchema = z.array(z.array(z.string().min(1)).min(2))
const titlesSchema = z.record(z.string(), z.strictObject({ title: z.string().min(1), short: z.string().min(1), kind: z.enum(['rule', 'practice']).default('practice') }))
const vagueSchema = z.array(z.strictObject({ words: z.array(z.string().min(1)).min(1), choices: z.array(z.string().min(1)).min(1).max(3) }))
type Vague = z.infer<typeof vagueSchema>
const topicsSchema = z.array(z.string().min(1))

/** The repository's skills/ folder (the bot and the CLI run from anywhere). */
export const DEFAULT_SKILLS_DIR = fileURLToPath(new URL('../../skills/', import.meta.url))

/**
 * `matched`: distinct words of two or more characters, and synonym concepts, of the
 * question that the skill contains (a word and its own concept count once). Single
 * characters (去, 收, 好), bigrams and plain words nearly every skill has (小区) are too
 * weak to say what a question is about.
 * `topical`: how many of those are concepts of the compound's business (a synonym group
 * whose first word is listed in skills/topics.yaml: 物业, 业委会, 维修资金…), which chat
 * lines hardly ever use; generic groups (开会, 出租) only help a question with more evidence.
 * `specific`: topical concepts that only a few skills use (维修资金, 公共收益; not 物业).
 */
export interface Ranked { skill: Skill, score: number, matched: number, topical: number, specific: number, closest: number }

interface State { skills: Map<string, Skill>, indexes: () => Indexes, lexicon: Lexicon, titles: SourceTitles, topics: string[], vague: Vague, problems: SkillProblem[] }
interface Indexes { index: Bm25Index, examples: Bm25Index }

export interface KnowledgeOptions {
  /** The compound's learned FAQ (/收录), in the format of skills/faq/SKILL.md; may not exist yet. */
  faqFile?: string
}

/** All skills of `dir`, indexed. `reload()` rebuilds everything (used by /收录), cheaply. */
export class KnowledgeBase {
  private constructor (readonly dir: string, private readonly opts: KnowledgeOptions, private state: State) {}

  static async open (dir: string, opts: KnowledgeOptions = {}): Promise<KnowledgeBase> {
    return new KnowledgeBase(dir, opts, await build(dir, opts.faqFile))
  }

  /** Re-read every file; on success the new skills replace the old at once. */
  async reload (): Promise<SkillProblem[]> {
    this.state = await build(this.dir, this.opts.faqFile)
    return this.state.problems
  }

  get skills (): Skill[] { return [...this.state.skills.values()] }
  /** Files that could not be loaded, with the reason, for the committee to fix. */
  get problems (): SkillProblem[] { return this.state.problems }
  /** Seed file name → how answers name it (skills/sources.yaml). */
  get titles (): SourceTitles { return this.state.titles }

  get (id: string): Skill | undefined { return this.state.skills.get(id) }

  /**
   * Build the search indexes now rather than at the first search. Segmenting every skill
   * (~0.1 s CPU, cold) is the one part of opening that cannot fail, so open() leaves it to
   * the first search or to this, which the bot calls once it is idle after its start.
   */
  prepare (): void { this.state.indexes() }

  /** Whether a text is about the compound's business (skills/topics.yaml or a synonym concept). */
  isCompoundTopic (text: string): boolean {
    const { lexicon, topics } = this.state
    const simplified = lexicon.canonicalize(toSimplified(text).toLowerCase())
    return topics.some(t => simplified.includes(t)) || lexicon.concepts(simplified).length > 0
  }

  /**
   * The likely topics of a question too vague to answer ("钱的事", "那个事后来怎么样了"),
   * from skills/vague.yaml: the first entry with a word the question contains.
   */
  vagueChoices (text: string): Skill[] {
    const { lexicon, vague, skills } = this.state
    const simplified = lexicon.canonicalize(toSimplified(text).toLowerCase())
    const entry = vague.find(v => v.words.some(w => simplified.includes(w)))
    return (entry?.choices ?? []).flatMap(id => skills.get(id) ?? [])
  }

  /** Skills ranked for a question, best first, scores 0..1. */
  search (text: string, limit = 3): Ranked[] {
    const { skills, lexicon, topics } = this.state
    const { index, examples } = this.state.indexes()
    const terms = searchTerms(text, lexicon)
    const scores = new Map<string, number>()
    for (const hit of index.search(terms, termWeight)) scores.set(hit.id, (1 - EXAMPLE_SHARE) * hit.score)
    const closest = new Map<string, number>()
    for (const hit of examples.search(terms, termWeight)) {
      const id = hit.id.slice(0, hit.id.lastIndexOf('|'))
      closest.set(id, Math.max(closest.get(id) ?? 0, hit.score))
    }
    for (const [id, score] of closest) scores.set(id, (scores.get(id) ?? 0) + EXAMPLE_SHARE * score)
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .flatMap(([id, score]) => {
        const skill = skills.get(id)
        const evidence = new Set(terms.filter(t => isEvidence(t) && index.has(id, t) && (t.startsWith('#') || index.df(t) <= COMMON_SHARE * index.size)))
        // A concept stands for its words: 业委会 (and jieba's 委会) are #业委会 again.
        for (const t of evidence) if (!t.startsWith('#') && [...evidence].some(c => c.startsWith('#') && c.includes(t))) evidence.delete(t)
        const topical = [...evidence].filter(t => t.startsWith('#') && topics.includes(t.slice(1)))
        const specific = topical.filter(t => index.df(t) <= SPECIFIC_SHARE * index.size).length
        return skill ? [{ skill, score, matched: evidence.size, topical: topical.length, specific, closest: closest.get(id) ?? 0 }] : []
      })
  }

}

function isEvidence (term: string): boolean {
  return !term.startsWith('~') && [...term].length >= 2
}

async function build (dir: string, faqFile?: string): Promise<State> {
  const { skills, problems } = await loadSkills(dir)
  if (faqFile) await addFaqEntries(faqFile, skills, problems)
  const synonyms = await readData(path.join(dir, 'synonyms.yaml'), synonymsSchema, [], problems)
  const titles = await readData(path.join(dir, 'sources.yaml'), titlesSchema, {}, problems)
  const topics = (await readData(path.join(dir, 'topics.yaml'), topicsSchema, [], problems)).map(t => toSimplified(t))
  const vague = await readData(path.join(dir, 'vague.yaml'), vagueSchema, [], problems)
  for (const v of vague) for (const id of v.choices) if (!skills.some(s => s.id === id)) problems.push({ path: path.join(dir, 'vague.yaml'), message: `没有 id 为“${id}”的办事指南` })
  const lexicon = compileSynonyms(synonyms)
  loadSegmenter() // the indexes wait for the first search; the dictionary they need does not
  // words canonicalized once here, as every question is in vagueChoices
  const vagueWords = vague.map(v => ({ ...v, words: v.words.map(w => lexicon.canonicalize(toSimplified(w).toLowerCase())) }))
  let indexes: Indexes | undefined
  return {
    skills: new Map(skills.map(s => [s.id, s])),
    indexes: () => (indexes ??= buildIndexes(skills, lexicon)),
    lexicon,
    titles,
    topics,
    vague: vagueWords,
    problems
  }
}

function buildIndexes (skills: Skill[], lexicon: Lexicon): Indexes {
  const terms = (text: string): string[] => searchTerms(text, lexicon)
  // The FAQ file itself only explains its format; its entries are indexed one by one.
  const indexed = skills.filter(s => s.id !== FAQ_ID)
  const docs: IndexedDoc[] = indexed.map(s => ({
    id: s.id,
    fields: [
      { terms: terms(s.title), weight: FIELD_WEIGHTS.title },
      { terms: s.examples.flatMap(terms), weight: FIELD_WEIGHTS.examples },
      { terms: terms(s.short), weight: FIELD_WEIGHTS.short },
      { terms: terms(s.steps), weight: FIELD_WEIGHTS.steps }
    ]
  }))
  const examples: IndexedDoc[] = indexed.flatMap(s => [s.title, ...s.examples]
    .map((q, i) => ({ id: `${s.id}|${i}`, fields: [{ terms: terms(q), weight: 1 }] })))
  return { index: new Bm25Index(docs), examples: new Bm25Index(examples) }
}

/** A YAML data file next to the skills; missing or broken → reported, default used. */
async function readData<T> (file: string, schema: z.ZodType<T>, fallback: T, problems: SkillProblem[]): Promise<T> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return fallback
  }
  try {
    const parsed = schema.safeParse(parseYamlText(text))
    if (parsed.success) return parsed.data
    problems.push({ path: file, message: z.prettifyError(parsed.error) })
  } catch (err) {
    problems.push({ path: file, message: `YAML 格式错误：${(err as Error).message}` })
  }
  return fallback
}
