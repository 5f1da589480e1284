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

/** 投诉…/报修…/举报… at the start (with its separator): the person says outright that this is a complaint. */
export const EXPLICIT_COMPLAINT = /^(投诉|报修|举报)[:：\s，,]*/u

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
export const DESCRIBES_PROBLEM = /坏了|坏掉|漏水|渗水|太吵|吵死|噪音|半夜|天天|每天|整天|一直|从来|总是|臭|乱[扔堆停搭建倒]|占[用了着]|堵[了住]|不给|不开|不修|不来|不做|不干|没有公示|从不/

/** 收到 / 已收到 / 收到了，谢谢 / 收到 #3: an owner acknowledging a notice (#N names the meeting). */
export const ACKNOWLEDGEMENT = /^(?:已)?收到(?:了|啦)?\s*(?:#?\s*(\d+))?\s*(?:[，,。！!~～]*\s*(?:谢谢|好的|明白)?\s*[。！!~～]*)$/

/** `#27 怎么还没修`: an owner chasing one of their tickets. */
export const TICKET_REFERENCE = /^#\s*(\d+)\s*(.*)$/s
