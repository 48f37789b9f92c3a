// The English of messages the server writes in zh-CN only: each entry matches one whole zh-CN message (or one
// issue of a joined message) and gives its English with the same parameters. The messages that carry their
// English already (`中文 / English`, `中文（English）`) need no entry; localize-error.ts splits them.
// An entry per refusal of issue 12 (control characters, ids, bounds, Idempotency-Key, body limits, sign-in
// throttling, password rules) and the generic answers of the error handler. A message without an entry stays
// zh-CN in English (the test in localize-error.test.ts names the ones a user meets most).

type Entry = readonly [pattern: RegExp, english: (...parts: string[]) => string]

/** What a bounded number is (contracts/bounds.ts), in English. */
const boundedNames: Record<string, string> = {
  '数值（目标/实际值）': 'A value (target or actual)',
  次数: 'A count',
  系数: 'A coefficient',
  系数上限: 'The coefficient cap',
  权重: 'A weight',
  分数线: 'A score threshold',
  比例: 'A rate',
  输入值: 'An input value',
  '金额（元）': 'An amount (yuan)',
}

const duration = (text: string) =>
  text.replace(/(\d+) 秒/, (_, n: string) => `${n} s`).replace(/(\d+) 分钟/, (_, n: string) => `${n} min`)

const entries: Entry[] = [
  // refuse-control-characters.ts
  [/^不能包含空字符（NUL, \\u0000）$/, () => 'must not contain a NUL character (\\u0000)'],
  [/^不能包含控制字符$/, () => 'must not contain control characters'],
  [
    /^含有无效的 Unicode 字符（孤立代理项）$/,
    () => 'contains an invalid Unicode character (a lone surrogate)',
  ],
  [/^“__proto__”不被接受$/, () => '“__proto__” is not accepted'],
  [/^字段名(.+)$/, (rest) => `field name: ${englishOf(rest) ?? rest}`],
  [/^地址(.+)$/, (rest) => `address: ${englishOf(rest) ?? rest}`],
  // refuse-ids-beyond-range.ts
  [/^编号超出范围（最大 (\d+)）$/, (max) => `id out of range (at most ${max})`],
  [/^没有编号为 (.+) 的记录$/, (id) => `no record with id ${id}`],
  // contracts/bounds.ts and the schemas' own words
  [
    /^(.+?)应在 (\S+) 到 (\S+) 之间$/,
    (what, min, max) => `${boundedNames[what] ?? what} must be between ${min} and ${max}`,
  ],
  [/^应为整数$/, () => 'must be a whole number'],
  [/^数字超出范围（必须是有限的数字）$/, () => 'number out of range (it must be finite)'],
  [/^不是有效的数字$/, () => 'not a valid number'],
  [/^不允许的字段“(.+)”$/, (key) => `field “${key}” is not allowed`],
  // idempotency.ts, services/idempotency/run-once.ts
  [
    /^(Idempotency-Key )?应为 1–128 个可见 ASCII 字符（如 UUID）$/,
    (key = '') => `${key}must be 1–128 visible ASCII characters (e.g. a UUID)`,
  ],
  [/^该键已用于内容不同的请求$/, () => 'this key was used for a different request'],
  [/^使用该键的请求仍在处理中$/, () => 'the request with this key is still being processed'],
  // http-errors.ts, create-app.ts
  [/^请求体不是有效的 JSON$/, () => 'The request body is not valid JSON'],
  [/^请求体必须是 application\/json$/, () => 'The request body must be application/json'],
  [/^应为 application\/json$/, () => 'must be application/json'],
  [/^请求无效$/, () => 'Invalid request'],
  [/^服务器内部错误，请稍后再试$/, () => 'Internal server error; please try again later'],
  [
    /^请求体超过 (.+) 上限，请拆分后再提交$/,
    (limit) => `The request body is over the ${limit} limit; split it`,
  ],
  [/^超过 (.+) 上限$/, (limit) => `over the ${limit} limit`],
  [/^没有这个接口：(.+)$/, (route) => `No such API operation: ${route}`],
  [/^没有这个地址：(.+)$/, (route) => `No such address: ${route}`],
  [/^与已有记录重复$/, () => 'Duplicates an existing record'],
  [/^该记录仍被其他数据引用，无法完成操作$/, () => 'The record is still referenced by other data'],
  [/^输入格式无效$/, () => 'Invalid input format'],
  [/^日期或时间格式无效$/, () => 'Invalid date or time'],
  [/^日期或时间超出范围$/, () => 'Date or time out of range'],
  [/^数值超出范围$/, () => 'Number out of range'],
  [/^文本过长$/, () => 'Text too long'],
  // sign-in, its throttling and the password rules (services/auth, core/auth/check-password-rules.ts)
  [/^用户名或密码错误$/, () => 'Wrong username or password'],
  [/^请先登录$/, () => 'Please sign in first'],
  [/^尝试过于频繁，请 (.+)后再试$/, (when) => `Too many attempts; try again in ${duration(when)}`],
  [/^当前密码不正确$/, () => 'The current password is wrong'],
  [/^新密码不能与当前密码相同$/, () => 'The new password must differ from the current one'],
  [
    /^密码至少 (\d+) 个字符（当前 (\d+) 个）$/,
    (min, now) => `The password needs at least ${min} characters (it has ${now})`,
  ],
  [/^密码不能与用户名相同$/, () => 'The password must not be the username'],
  [/^密码不能与企业代码相同$/, () => 'The password must not be the company code'],
  [
    /^密码过于常见，容易被猜中，请换一个$/,
    () => 'The password is too common and easy to guess; choose another',
  ],
  [/^请输入密码$/, () => 'enter the password'],
  [/^请输入当前密码$/, () => 'enter the current password'],
  [/^请输入新密码$/, () => 'enter the new password'],
]

/** The English of one zh-CN message, or undefined when the catalogue has none. */
export function englishOf(message: string): string | undefined {
  for (const [pattern, english] of entries) {
    const match = pattern.exec(message)
    if (match) return english(...match.slice(1).map((part) => part ?? ''))
  }
  return undefined
}
