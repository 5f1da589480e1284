import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { Bm25Index, type IndexedDoc } from './bm25-index.js'
import { loadSkills, type SkillProblem } from './load-skills.js'
import { compileSynonyms, searchTerms, termWeight, type Lexicon } from './normalize-text.js'
import { FAQ_ID, type Skill } from './skill-schema.js'

// How much each part of a skill counts when matching a question. Owners' own phrasings
// (examples) and the title say what a skill is about; the steps mention many other things.
const FIELD_WEIGHTS = { title: 3, examples: 2, short: 1, steps: 0.5 }

const synonymsSchema = z.array(z.array(z.string().min(1)).min(2))
const titlesSchema = z.record(z.string(), z.string())

export interface Ranked { skill: Skill, score: number }

interface State { skills: Map<string, Skill>, index: Bm25Index, lexicon: Lexicon, titles: Record<string, string>, problems: SkillProblem[] }

/** All skills of `dir`, indexed. `reload()` rebuilds everything (used by /收录), cheaply. */
export class KnowledgeBase {
  private constructor (readonly dir: string, private state: State) {}

  static async open (dir: string): Promise<KnowledgeBase> {
    return new KnowledgeBase(dir, await build(dir))
  }

  /** Re-read every file; on success the new skills replace the old at once. */
  async reload (): Promise<SkillProblem[]> {
    this.state = await build(this.dir)
    return this.state.problems
  }

  get skills (): Skill[] { return [...this.state.skills.values()] }
  /** Files that could not be loaded, with the reason, for the committee to fix. */
  get problems (): SkillProblem[] { return this.state.problems }
  /** Seed file name → the title shown after 依据 (skills/sources.yaml). */
  get titles (): Record<string, string> { return this.state.titles }

  get (id: string): Skill | undefined { return this.state.skills.get(id) }

  /** Skills ranked for a question, best first, scores 0..1. */
  search (text: string, limit = 3): Ranked[] {
    const { index, skills, lexicon } = this.state
    return index.search(searchTerms(text, lexicon), termWeight)
      .slice(0, limit)
      .flatMap(hit => {
        const skill = skills.get(hit.id)
        return skill ? [{ skill, score: hit.score }] : []
      })
  }

  /** How many of the text's words (not bigrams) some skill uses: 0 means off-topic. */
  knownWords (text: string): number {
    const { index, lexicon } = this.state
    return searchTerms(text, lexicon).filter(t => !t.startsWith('~') && index.df(t) > 0).length
  }
}

async function build (dir: string): Promise<State> {
  const { skills, problems } = await loadSkills(dir)
  const synonyms = await readData(path.join(dir, 'synonyms.yaml'), synonymsSchema, [], problems)
  const titles = await readData(path.join(dir, 'sources.yaml'), titlesSchema, {}, problems)
  const lexicon = compileSynonyms(synonyms)
  const terms = (text: string): string[] => searchTerms(text, lexicon)
  // The FAQ file itself only explains its format; its entries are indexed one by one.
  const docs: IndexedDoc[] = skills.filter(s => s.id !== FAQ_ID).map(s => ({
    id: s.id,
    fields: [
      { terms: terms(s.title), weight: FIELD_WEIGHTS.title },
      { terms: s.examples.flatMap(terms), weight: FIELD_WEIGHTS.examples },
      { terms: terms(s.short), weight: FIELD_WEIGHTS.short },
      { terms: terms(s.steps), weight: FIELD_WEIGHTS.steps }
    ]
  }))
  return { skills: new Map(skills.map(s => [s.id, s])), index: new Bm25Index(docs), lexicon, titles, problems }
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
    const parsed = schema.safeParse(parseYaml(text))
    if (parsed.success) return parsed.data
    problems.push({ path: file, message: z.prettifyError(parsed.error) })
  } catch (err) {
    problems.push({ path: file, message: `YAML 格式错误：${(err as Error).message}` })
  }
  return fallback
}
