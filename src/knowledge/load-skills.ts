import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { parseSkill } from './parse-skill.js'
import { FAQ_ID, type Skill } from './skill-schema.js'

export interface SkillProblem { path: string, message: string }
export interface LoadedSkills { skills: Skill[], problems: SkillProblem[] }

/**
 * Every `<dir>/<id>/SKILL.md`. A broken file is reported with its path and skipped: one
 * committee member's typo must not take the other answers offline.
 */
export async function loadSkills (dir: string): Promise<LoadedSkills> {
  const skills: Skill[] = []
  const problems: SkillProblem[] = []
  const entries = await readdir(dir, { withFileTypes: true })
  const folders = entries.filter(e => e.isDirectory()).map(e => e.name).sort()
  for (const folder of folders) {
    const file = path.join(dir, folder, 'SKILL.md')
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      continue // a folder without SKILL.md (notes, pictures) is not a skill
    }
    try {
      const parsed = parseSkill(text, file)
      problems.push(...parsed.problems.map(message => ({ path: file, message })))
      for (const skill of parsed.skills) {
        const clash = skills.find(s => s.id === skill.id)
        if (clash) problems.push({ path: file, message: `id “${skill.id}”与 ${clash.path} 重复，已跳过` })
        else skills.push(skill)
      }
    } catch (err) {
      problems.push({ path: file, message: (err as Error).message })
    }
  }
  return { skills, problems }
}

/**
 * The entries of the compound's learned FAQ (its head is the same FAQ skill as skills/faq,
 * so only the entries are added): a missing file has none; a clash of ids is reported.
 */
export async function addFaqEntries (file: string, skills: Skill[], problems: SkillProblem[]): Promise<void> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return
  }
  try {
    const parsed = parseSkill(text, file)
    problems.push(...parsed.problems.map(message => ({ path: file, message })))
    for (const entry of parsed.skills.filter(s => s.id !== FAQ_ID)) {
      const clash = skills.find(s => s.id === entry.id)
      if (clash) problems.push({ path: file, message: `id “${entry.id}”与 ${clash.path} 重复，已跳过` })
      else skills.push(entry)
    }
  } catch (err) {
    problems.push({ path: file, message: (err as Error).message })
  }
}
