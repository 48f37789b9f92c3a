import { describe, expect, it } from 'vitest'
import { buildSecretsCsv } from './build-secrets-csv.ts'

describe('secrets CSV', () => {
  it('writes formula-like cells as text and quotes commas and quotes', () => {
    const csv = buildSecretsCsv(
      ['工号', '姓名', '账号', '初始密码'],
      [
        { employeeNo: '=HYPERLINK("x")', name: '+张三', username: '-a', secret: '@pw,"q"' },
        { employeeNo: 'E001', name: '李四', username: 'e001', secret: 'abcDEF346789' },
      ],
    )
    expect(csv).toBe(
      '\uFEFF工号,姓名,账号,初始密码\r\n' +
        `"'=HYPERLINK(""x"")",'+张三,'-a,"'@pw,""q"""\r\n` +
        'E001,李四,e001,abcDEF346789\r\n',
    )
  })
})
