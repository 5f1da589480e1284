// How a message is shaped, as data. Checked on Simplified text (toSimplified first).

/** `/命令` or `#命令`; full-width ／＃ are made half-width by toSimplified. */
export const COMMAND = /^[/#]/

/** Marks of a question. A compound question without them still counts when a skill answers it. */
export const QUESTION = /[?？]|吗|呢\s*$|怎么|怎样|如何|什么|啥|哪|谁|几[点号天个次时年月岁成回]|多少|多久|多长|能不能|能否|可不可以|可以不|是否|是不是|有没有|要不要|会不会|该不该|请问|咋|为何|为什么|干嘛|咨询|流程|手续|步骤|规定/

/**
 * Greetings, thanks, wishes, laughter and stickers sent as text ([强], [玫瑰]). A message
 * with one of these and no question mark of any kind is chat, even when it names a
 * compound word ("谢谢物业小哥，辛苦了").
 */
export const SMALL_TALK = /早上好|早安|午安|晚上好|晚安|早啊|大家好|你好|您好|哈喽|谢谢|多谢|感谢|辛苦|收到|好的|^嗯+$|哈哈|呵呵|嘿嘿|^ok$|点赞|恭喜|快乐|新年好|生日|祝大家|^\[[^\]]{1,6}\]|^[\p{Emoji_Presentation}\s]+$/iu
