// How a message is shaped, as data. Checked on Simplified text (toSimplified first).

/**
 * `/命令` or `#命令`; full-width ／＃ are made half-width by toSimplified. `#27` is a ticket
 * number an owner quotes ("#27 怎么还没修"), not a command.
 */
export const COMMAND = /^(?:\/|#(?!\s*\d))/

/** Marks of a question. A compound question without them still counts when a skill answers it. */
export const QUESTION = /[?？]|吗|呢\s*$|怎么|怎样|如何|(?<!凭)什么|想(?:报名|了解|知道|问问?|咨询|参加|申请|查)|啥|哪|谁|几[点号天个次时年月岁成回]|多少|多久|多长|能不能|能否|可不可以|可以不|是否|是不是|有没有|要不要|会不会|该不该|请问|咋|为何|为什么|干嘛|咨询|流程|手续|步骤|规定/

/**
 * Greetings, thanks, wishes, laughter and stickers sent as text ([强], [玫瑰]). A message
 * with one of these and no question mark of any kind is chat, even when it names a
 * compound word ("谢谢物业小哥，辛苦了").
 */
export const SMALL_TALK = /早上好|早安|午安|晚上好|晚安|早啊|大家好|你好|您好|哈喽|谢谢|多谢|感谢|辛苦|收到|好的|^嗯+$|哈哈|呵呵|嘿嘿|^ok$|点赞|恭喜|快乐|新年好|生日|祝大家|^\[[^\]]{1,6}\]|^[\p{Emoji_Presentation}\s]+$/iu

/** What may surround small talk in a message that is nothing else ("谢谢啦！", "大家好~ 🌹"). */
export const SMALL_TALK_FILLER = /[\s\p{P}\p{S}\p{Emoji_Presentation}啊呀啦哦哈嗯了的吧哟喔各位大家]/gu

/** 投诉…/报修…/举报… at the start (with its separator): the person says outright that this is a complaint. */
export const EXPLICIT_COMPLAINT = /^(投诉|报修|举报)[:：\s，,]*/u

/**
 * Asks how things work, whom to turn to, or whether something is allowed (能不能/可以吗/归谁/
 * 向谁反映/找谁/是不是/怎么办/手续…). Such a message is answered with the procedure (and the
 * offer to register it), never filed, even when it describes a problem: "業委會不開會也不公示賬目，
 * 向誰反映" wants to know where to go. Checked per clause, after RHETORICAL is removed.
 */
export const ASKS_ROUTE = /^(咨询|请问|问一下|问下|想问|想咨询|想了解|打听一下)|多久(能|会|才)?(有)?(答复|回复|回应|处理|受理|办结)|是.{1,14}还是.{1,14}的|会不会|(几点|什么时候|哪天|几号)才?(能|可以|允许|准)|(谁|哪里|哪个|能|可以)(帮忙)?调解|调解吗|当面(反映|说|谈|聊|沟通)|能(找|请|申请|要求).{0,10}[吗么]|能不能|能否|可不可以|可以吗|可以不|可以.{0,14}[吗么]|行不行|允不允许|允许.{0,8}吗|准不准|有权|有没有权|合法吗|合规吗|违法吗|违规吗|犯法吗|算不算|是不是|是否|要不要|需不需要|该不该|用不用|归谁|归哪|属于谁|谁管|谁来管|谁负责|谁能管|谁出钱|谁来(修|赔|出|处理)|谁赔|管不管|负不负责|负责吗|负责修吗|赔不赔|要赔吗|找谁|向谁|跟谁|去哪(里|儿)?(反映|投诉|举报|办|补办|查|要|看|领|报)|哪里(反映|投诉|举报|办|补办|查)|哪个部门|哪个单位|哪个部门管|怎么办|咋办|咋整|怎么处理|如何处理|怎么反映|怎么投诉|怎么举报|会怎么|怎么罚|怎么处罚|手续|流程|(?<!小)程序|能(用|走|申请|报销|动用|拿).{1,12}[吗么]|怎么申请|如何申请|怎么(办理|操作|弄|报名|参加|选)|需要什么|要什么材料|什么条件|啥条件/

/**
 * Questions that ask nothing: exasperation inside a complaint ("物业到底修不修", "凭啥又涨",
 * "谁敢坐啊", "这不是违建吗"). Removed before a clause is read as a question.
 */
export const RHETORICAL = /凭什么|凭啥|到底(谁管|有没有人管|管不管|修不修|还修不修|管还是不管|.{0,4}不(修|管|处理))|还(修|管)不(修|管)|干啥的|干什么(吃)?的|吃干饭|谁敢|还让不让|有没有人管|难道|不是.{0,10}[吗么]|(?<!谁能|城)(能不能|能否|可不可以|谁来|谁|请|麻烦)?管一?管|(能不能|能否|可不可以|可以)[^，。？?]{0,10}(一下|点心|上点心)(吧|啊|呀)?[吗么]?|多久没|是不是.{0,8}(没|忘)|能用吗|能喝吗|能住吗|能坐吗|要等多久|还要等多久|等到什么时候|什么时候(才|能)(修|管|处理|弄)|像话吗|合理吗|有没有天理|[还都]?让不让人/g

/** Words that look like a question but are not (谁都能进来, 什么都不管, 哪儿都是). */
export const NOT_A_QUESTION = /好几|几(天|个月|年|次|回|遍|周|个礼拜|个星期)了|十几|几十|几百|几千|几个(?=委员|业主|邻居|小孩|孩子|年轻人|老人|工人|保安|师傅|人在)|不知道.{0,2}(谁|哪|什么|啥)|谁都|谁也|什么都|什么也|啥都|啥也|哪都|哪儿都|哪里都|多少次了?|多少回了?|不知道.{0,4}(多少|几)/g

/** One clause with the punctuation after it: a question clause and a report clause are read apart. */
export const CLAUSE = /[^，,。.！!？?；;\s~～…]+[，,。.！!？?；;\s~～…]*/gu

/**
 * A report inside a question clause: "维修资金用在哪了从来没公布过" says it was never disclosed.
 * Not after 为什么/怎么, which ask for a reason ("账目为什么从来不公示").
 */
export const EMBEDDED_REPORT = /(从来|从|一直|也|都|根本|压根)(就)?(没|不|未)(有)?(公示|公布|公开|说明|解释|通知|见过|给过|修|管|处理|来过?)/
export const ASKS_REASON = /为什么|为啥|怎么|咋/

/** A question about using the maintenance fund asks for a procedure, whatever else it says. */
export const PROCEDURE_SUBJECT = /维修(资|基)金|大修(基金|的钱|资金)|维修金|专项(维修)?资金/

/**
 * A question about who pays or is responsible, or about the maintenance fund, stays a question
 * even when it names a danger ("外墙瓷砖掉下来了，能用专项维修资金修吗"); any other question about
 * a danger happening now ("电梯困人了怎么办") is filed as urgent.
 */
export const ASKS_RESPONSIBILITY = /负责|归谁|谁(来)?(修|管|赔|出钱|负责)|管不管|赔不赔|要赔|维修资金|维修基金|大修基金|专项维修/

/**
 * Signs that the person is living through a problem rather than asking how things work:
 * bodies pushing it onto each other, nobody coming, how long it has lasted. A question with
 * these is a complaint even when a procedure would answer it ("…业委会又说找居委会，到底谁管").
 */
export const PUSHED_AROUND = /推诿|踢皮球|推来推去|互相推|又说找|都说不归|没人管|没人修|没人理|没人处理|不管不问|几年了|好几天了|[一二两三四五六七八九十几\d]+天了/

/**
 * Signs of a concrete situation in a question ("楼上半夜蹦迪太吵了，找谁"): the answer
 * explains the procedure and offers to register a complaint as well.
 */
export const DESCRIBES_PROBLEM = /(没有?|不|从不|从没|未)(说明|解释|通知|公示|公布|公开|补选)|坏了|坏掉|漏水|渗水|太吵|吵死|噪音|半夜|天天|每天|整天|一直|从来|总是|臭|乱[扔堆停搭建倒]|占[用了着]|堵[了住]|不给|不开|不修|不来|不做|不干|从不/

/** 收到 / 已收到 / 收到了，谢谢 / 收到 #3: an owner acknowledging a notice (#N names the meeting). */
export const ACKNOWLEDGEMENT = /^(?:已)?收到(?:了|啦)?\s*(?:#?\s*(\d+))?\s*(?:[，,。！!~～]*\s*(?:谢谢|好的|明白)?\s*[。！!~～]*)$/

/** `#27 怎么还没修`: an owner chasing one of their tickets. */
export const TICKET_REFERENCE = /^#\s*(\d+)\s*(.*)$/s
