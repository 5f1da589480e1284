import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { allFeatures } from '../../../src/features/index.js'
import { createQuestionsFeature, questionsFeature } from '../../../src/features/questions/questions-feature.js'
import { type Harness, openSandbox, ROOT } from '../../helpers/sandbox-harness.js'

export interface QuestionsSandbox {
  /** The bot, its questions feature reading this test's copy of skills/; disposed of after the test. */
  open (env?: Record<string, string>): Promise<Harness>
  /** This test's copy of skills/. */
  skillsDir (): string
}

/**
 * Registers the hooks for a file of questions tests: /收录 writes to the FAQ skill, so each
 * test gets its own copy of skills/, removed after it together with the sandbox it opened.
 */
export function questionsSandbox (): QuestionsSandbox {
  let h: Harness | undefined
  let skillsDir: string | undefined
  beforeEach(async () => {
    skillsDir = await mkdtemp(path.join(tmpdir(), 'skills-e2e-'))
    await cp(path.join(ROOT, 'skills'), skillsDir, { recursive: true })
  })
  afterEach(async () => {
    await h?.dispose()
    h = undefined
    if (skillsDir !== undefined) await rm(skillsDir, { recursive: true, force: true })
    skillsDir = undefined
  })
  const current = (): string => {
    if (skillsDir === undefined) throw new Error('questionsSandbox: no skills copy outside a test')
    return skillsDir
  }
  return {
    async open (env) {
      const dir = current()
      const features = allFeatures().map(f => f === questionsFeature ? createQuestionsFeature({ skillsDir: dir }) : f)
      h = await openSandbox({ features, env })
      return h
    },
    skillsDir: current
  }
}
