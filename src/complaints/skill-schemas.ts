import { z } from 'zod'

// Schemas of the editable files in skills/complaints/. Strict objects: a misspelt key
// (`keyword:`) is an error naming the field, not a silently ignored setting.

/** A regular expression given as text; checked here so a typo is reported at start. */
const regexText = z.string().min(1).refine(source => {
  try {
    void new RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}, { message: '不是有效的正则表达式' })

/** A pattern with the category's weight, or with its own. */
const weightedPattern = z.union([regexText, z.strictObject({ pattern: regexText, weight: z.number().positive() })])
export type WeightedPattern = z.infer<typeof weightedPattern>

const variantSchema = z.strictObject({
  id: z.string().min(1),
  note: z.string().optional(),
  patterns: z.array(regexText).min(1),
  bodies: z.array(z.string().min(1)).min(1),
  private: z.boolean().optional()
})

const categorySchema = z.strictObject({
  id: z.string().regex(/^[a-z_]+$/, '类别 id 只能用小写字母和下划线'),
  name: z.string().min(1),
  bodies: z.array(z.string().min(1)).min(1, '至少需要一个负责单位'),
  private: z.boolean().default(false),
  needs_location: z.boolean().default(false),
  compound_wide: z.boolean().default(false),
  pattern_weight: z.number().positive().default(3),
  keywords: z.array(z.string().min(1)).default([]),
  patterns: z.array(weightedPattern).default([]),
  variants: z.array(variantSchema).default([])
})

export const categoriesFileSchema = z.strictObject({
  bodies: z.record(z.string().regex(/^[a-z_]+$/), z.string().min(1)),
  fallback: z.string().min(1),
  categories: z.array(categorySchema).min(1)
}).superRefine((file, ctx) => {
  const ids = new Set<string>()
  file.categories.forEach((category, i) => {
    if (ids.has(category.id)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: `类别 id “${category.id}”重复` })
    ids.add(category.id)
    const check = (bodies: string[], path: Array<string | number>): void => {
      bodies.forEach((body, j) => {
        if (!(body in file.bodies)) ctx.addIssue({ code: 'custom', path: [...path, j], message: `未知单位 “${body}”，应为 bodies 中的一个` })
      })
    }
    check(category.bodies, ['categories', i, 'bodies'])
    category.variants.forEach((v, k) => check(v.bodies, ['categories', i, 'variants', k, 'bodies']))
  })
  if (!ids.has(file.fallback)) ctx.addIssue({ code: 'custom', path: ['fallback'], message: `fallback “${file.fallback}”不是已定义的类别` })
})
export type CategoriesFile = z.infer<typeof categoriesFileSchema>
export type CategoryConfig = CategoriesFile['categories'][number]

export const urgentFileSchema = z.strictObject({
  words: z.array(z.string().min(1)).min(1),
  patterns: z.array(regexText).default([]),
  /** situations that are urgent only together (a stopped lift AND someone who cannot use the stairs) */
  together: z.array(z.strictObject({ why: z.string().min(1), all: z.array(regexText).min(2) })).default([]),
  ignore: z.array(regexText).default([])
})
export type UrgentFile = z.infer<typeof urgentFileSchema>

export const intentFileSchema = z.strictObject({
  complaint_prefixes: z.array(z.string().min(1)).default([]),
  complaint_signals: z.array(z.string().min(1)).default([]),
  question_patterns: z.array(regexText).default([]),
  greeting_patterns: z.array(regexText).default([]),
  praise_patterns: z.array(regexText).default([])
})
export type IntentFile = z.infer<typeof intentFileSchema>

/** `none` labels messages that are not complaints. */
export const NOT_A_COMPLAINT = 'none'
export const examplesFileSchema = z.strictObject({
  examples: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1))
})
export type ExamplesFile = z.infer<typeof examplesFileSchema>

const bodyId = z.string().regex(/^[a-z_]+$/)
const roleId = z.enum(['owner', 'committee', 'chair', 'property', 'residents', 'party', 'treasurer'])

/** skills/complaints/recusal.yaml: who supervises whom, and what a complaint accuses. */
export const recusalFileSchema = z.strictObject({
  supervision: z.record(bodyId, z.strictObject({
    supervisors: z.array(bodyId).min(1),
    informed: z.array(bodyId).default([])
  })),
  accuses: z.record(z.string(), bodyId).default({}),
  accusing: z.strictObject({ body: z.record(z.string(), z.array(bodyId)).default({}), person: z.array(z.string()).default([]) }),
  body_words: z.record(bodyId, regexText).default({}),
  person_words: z.record(bodyId, regexText).default({}),
  /** every role but owner: a body whose members were all the owners would bar every owner */
  role_bodies: z.partialRecord(roleId.exclude(['owner']), bodyId),
  acting_roles: z.record(bodyId, roleId),
  relay: z.record(bodyId, z.array(bodyId).min(1)).default({}),
  letter_bodies: z.array(bodyId).min(1)
})
export type RecusalFile = z.infer<typeof recusalFileSchema>
