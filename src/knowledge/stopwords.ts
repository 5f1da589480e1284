// Words that say "this is a question" but not what about. Dropping them keeps a short
// question's score on the words that pick the procedure. Data, not logic: edit freely.
export const STOPWORDS: ReadonlySet<string> = new Set(`
的 了 吗 呢 吧 啊 呀 哦 嘛 么 啦 哈 喔 欸 诶 哎 唉 嗯 恩 得 地 着 过 和 与 及 或 跟 同 把 被 让 给 对 向 在 是 有 没 没有 不 也 都 就 还 又 再 才 很 太 挺 蛮 比较 非常 特别
我 我们 我家 俺 咱 咱们 你 你们 您 他 她 它 他们 她们 大家 人家 自己 别人 有人 谁 啥 什么 什么样 怎么 怎么样 怎样 怎么办 如何 为什么 为啥 咋 咋办 咋整 哪 哪里 哪儿 哪个 哪些 多少 几 几个 多久 多长 多长时间 吗 能 能不能 可以 可不可以 可否 是否 是不是 要不要 会不会 应该 该 需要 要 想 想要 请问 咨询 请 问 问下 问一下 一下 下 麻烦 老师 大神 各位 有没有 知道 谁知道 告诉 说 讲 一个 一些 这个 那个 这 那 这些 那些 这样 那样 这种 那种 个 些 种 件 事 事情 情况 时候 的话 如果 但是 可是 然后 所以 因为 现在 一直 已经 到底 究竟 真的 还是 或者 以及 等 等等 呗 咯 嘞 哇 噢 罢了 好 好的 行 行吧 对 是的
`.split(/\s+/).filter(Boolean))
