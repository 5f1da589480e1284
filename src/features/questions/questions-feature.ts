import path from 'node:path'
import type { App, Feature, FeatureFactory, MessageContext } from '../../app/types.js'
import { decideMessage } from '../../classify/classify-message.js'
import { rememberDecision } from '../../classify/message-decision.js'
import { DEFAULT_SKILLS_DIR, KnowledgeBase } from '../../knowledge/knowledge-base.js'
import { renderSkill, type RenderedSkill } from '../../knowledge/render-skill.js'
import type { Skill } from '../../knowledge/skill-schema.js'
import { createLlm } from '../../llm/create-llm.js'
import { mayUseLlm, writeAnswer } from '../../llm/write-answer.js'
import { committeeCommands } from './committee-commands.js'
import { composeAnswer, composeChoices, composeFirstSteps, composeSteps } from './compose-reply.js'
import { handOff } from './hand-off.js'
import { sendQuestionDigest } from './question-digest.js'
import { balanceReply } from '../disclosure/render-balance.js'
import { GROUP_BRIEF_LINES, GROUP_BRIEF_MAX } from '../../knowledge/skill-schema.js'
import { QuestionStore } from './question-store.js'
import { toSimplified } from '../../text/to-simplified.js'
import { offerComplaint } from '../complaints/complaint-offer.js'

// Per-person conversation state (ctx.session), with how long it is remembered.
const CHOICES = 'questions.choices'
const CHOICES_TTL_MIN = 10
const LAST = 'questions.last'
const LAST_TTL_MIN = 60

const DETAIL = /^(详细|详情|详细步骤|完整步骤|具体步骤)[。.!！]?$/
/** A reply to numbered choices (text is half-width already). */
const DIGIT = /^\d$/
/** 咨询… in a group reaches the bot without an @-mention: it is addressed to it all the same. */
const ASKS_BOT = /^咨询/

/**
 * "维修基金还剩多少钱": how much money there is, asked about a fund skill, is answered with
 * the latest published figures (what /余额 says), never with the procedure.
 */
const ASKS_AMOUNT = /余额|还剩|剩多少|剩下多少|还有多少|有多少钱|多少钱了|账上/
const FUND_SKILLS: ReadonlySet<string> = new Set(['fund-disclosure', 'maintenance-fund-use', 'public-income'])

/** How long after its start the bot builds the search index, if no question has yet. */
const PREPARE_AFTER_MS = 1000

interface Pending { question: string, skills: string[] }

export interface QuestionsDeps { kb: KnowledgeBase, store: QuestionStore, faqFile: string }

/** The compound's learned FAQ, with its other data: /收录 never writes into the shared skills/. */
export const FAQ_FILE = 'faq.md'

/** Procedure Q&A: answers from the skills with sources, choices, 详细, and hand-off to the committee. */
export function createQuestionsFeature (opts: { skillsDir?: string } = {}): FeatureFactory {
  return (app: App): Feature => {
    const skillsDir = opts.skillsDir ?? DEFAULT_SKILLS_DIR
    // Numbered questions (storage) and the answers collected under those numbers live together:
    // a fresh data directory starts both afresh.
    const faqFile = path.join(app.options.storageDir, FAQ_FILE)
    let ready: Promise<QuestionsDeps> | undefined
    const deps = async (): Promise<QuestionsDeps> => await (ready ??= (async () => {
      const kb = await KnowledgeBase.open(skillsDir, { faqFile })
      for (const p of kb.problems) app.log.warn(`办事指南未能读取 ${p.path}：${p.message}`)
      return { kb, store: await QuestionStore.open(app.storage), faqFile }
    })())
    // No key: no client, nothing reaches the network.
    const llm = app.options.llm ? createLlm(app.options.llm) : undefined
    // A skill reads the same until it is replaced (/收录 makes a new one): rendered once.
    const renderings = new WeakMap<Skill, RenderedSkill>()
    const render = (kb: KnowledgeBase, skill: Skill): RenderedSkill => {
      let r = renderings.get(skill)
      if (!r) renderings.set(skill, r = renderSkill(skill, app.compound.info, kb.titles))
      return r
    }

    async function answer (ctx: MessageContext, kb: KnowledgeBase, skill: Skill, question: string): Promise<void> {
      if (FUND_SKILLS.has(skill.id) && ASKS_AMOUNT.test(question)) {
        ctx.session.clear(LAST)
        return await ctx.reply(await balanceReply(app))
      }
      const rendered = render(kb, skill)
      const inGroup = !ctx.isPrivate
      const written = llm && mayUseLlm(question)
        ? await writeAnswer(llm, question, [rendered], inGroup ? { maxChars: GROUP_BRIEF_MAX, maxLines: GROUP_BRIEF_LINES } : {})
        : undefined
      const offer = offerComplaint(ctx, question)
      const text = written?.text ?? (inGroup ? rendered.brief : rendered.short)
      // A committee answer (FAQ) has no steps beyond itself: 详细 only when the group got part of it.
      const more = skill.steps.trim() !== skill.short.trim() || (inGroup && text !== rendered.short)
      await ctx.reply(composeAnswer(text, rendered, { inGroup, steps: more, extra: offer }))
      if (more) ctx.session.set(LAST, skill.id, LAST_TTL_MIN)
      else ctx.session.clear(LAST)
    }

    /** 详细: privately; a person the bot cannot write to privately gets one @-mention with the first steps. */
    async function details (ctx: MessageContext, kb: KnowledgeBase): Promise<void> {
      const last = kb.get(ctx.session.get<string>(LAST) ?? '')
      if (!last) return await ctx.reply('请先问我一个问题，我回答后再回复“详细”查看完整步骤。')
      const rendered = render(kb, last)
      if (ctx.isPrivate) return await ctx.reply(composeSteps(rendered))
      await ctx.replyPrivately(composeSteps(rendered), composeFirstSteps(rendered))
    }

    return {
      name: 'questions',
      commands: committeeCommands(app, deps),
      async start () {
        const { kb } = await deps()
        // The search index, once the messages waiting at login have been answered: a greeting
        // needs none, and a question still finds it ready (or builds it itself).
        setTimeout(() => kb.prepare(), PREPARE_AFTER_MS).unref()
      },
      async tick (now) {
        const { store } = await deps()
        await sendQuestionDigest(app, store, now)
      },
      async handle (ctx) {
        const { kb, store } = await deps()
        const text = ctx.text.trim()

        const pending = ctx.session.get<Pending>(CHOICES)
        if (pending && DIGIT.test(text)) {
          const choice = Number(text)
          // A digit off the list is a slip of the finger, not "none of these": ask again.
          if (choice > pending.skills.length) {
            await ctx.reply(`请回复 1 到 ${pending.skills.length} 之间的数字；都不是请回复 0，我转给业委会。`)
            return true
          }
          ctx.session.clear(CHOICES)
          const skill = kb.get(pending.skills[choice - 1] ?? '')
          if (skill) await answer(ctx, kb, skill, pending.question)
          else await handOff(app, ctx, store, pending.question)
          return true
        }

        if (DETAIL.test(text)) {
          await details(ctx, kb)
          return true
        }

        const where = { chat: ctx.isPrivate ? 'private' as const : 'group' as const, mentioned: ctx.mentioned || ASKS_BOT.test(text) }
        const question = text.replace(ASKS_BOT, '').trim() || text
        // Classified with its 咨询: the word says it is a question ("咨询 物业费标准").
        const { classification: decision, answer: found } = decideMessage(text, where, kb)
        rememberDecision(ctx, decision)
        if (decision.intent !== 'question') return false
        ctx.session.clear(CHOICES) // a new question: an old list of choices no longer applies
        // Whatever the answer, a question touching a problem ends with the offer to file it.
        const offer = offerComplaint(ctx, question)
        if (decision.skill === null) {
          await handOff(app, ctx, store, toSimplified(ctx.original) || question)
          if (offer) await ctx.reply(offer)
          return true
        }
        if (found?.kind === 'choices') {
          ctx.session.set(CHOICES, { question, skills: found.skills.map(s => s.id) } satisfies Pending, CHOICES_TTL_MIN)
          await ctx.reply(composeChoices(found.skills.map(s => render(kb, s))) + (offer ? `\n${offer}` : ''))
          return true
        }
        const skill = kb.get(decision.skill)
        if (!skill) return false
        await answer(ctx, kb, skill, question)
        return true
      }
    }
  }
}

export const questionsFeature: FeatureFactory = createQuestionsFeature()
