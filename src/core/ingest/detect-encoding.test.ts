import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectEncoding, isUtf8Multibyte, MixedEncodingCheck } from './detect-encoding.ts'

describe('detectEncoding', () => {
  it('reads a UTF-8 BOM', () => {
    expect(detectEncoding(Buffer.from('\ufeff日期,访客数', 'utf8'))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    })
  })
  it('takes strict UTF-8 as UTF-8 even when the sample ends mid-character', () => {
    const bytes = Buffer.from('日期,访客数', 'utf8')
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8')
  })
  it('takes GBK bytes (promotion CSVs are GBK) as GB18030', () => {
    expect(detectEncoding(iconv.encode('日期,主体ID,花费', 'gbk')).encoding).toBe('gb18030')
  })
})

describe('MixedEncodingCheck', () => {
  const gbk = (text: string) => iconv.encode(text, 'gb18030')
  const utf8 = (text: string) => Buffer.from(text, 'utf8')

  it('names the first UTF-8 line of a GBK file, even across chunks (issue 12: 编码不一致)', () => {
    const file = Buffer.concat([
      gbk('日期,店铺,访客数\n2011-11-01,旗舰店,10\n'),
      utf8('2011-11-03,旗舰店,12\n'),
    ])
    const check = new MixedEncodingCheck()
    const split = file.length - 10
    expect(check.push(file.subarray(0, split))).toBeUndefined()
    expect(check.push(file.subarray(split))).toBe(3)
  })

  it('passes a GBK file and ASCII lines, and finds a UTF-8 last line without a line break', () => {
    const ok = new MixedEncodingCheck()
    expect(ok.push(gbk('日期,店铺,访客数\n2011-11-01,旗舰店,10\nplain,ascii,1\n'))).toBeUndefined()
    expect(ok.end()).toBeUndefined()
    const last = new MixedEncodingCheck()
    expect(last.push(Buffer.concat([gbk('日期,店铺\n'), utf8('旗舰店,1')]))).toBeUndefined()
    expect(last.end()).toBe(2)
  })

  it('tells well-formed multi-byte UTF-8 from ASCII and broken sequences', () => {
    expect(isUtf8Multibyte(utf8('旗舰店'))).toBe(true)
    expect(isUtf8Multibyte(utf8('abc'))).toBe(false)
    expect(isUtf8Multibyte(gbk('旗舰店'))).toBe(false)
    expect(isUtf8Multibyte(utf8('旗').subarray(0, 2))).toBe(false)
  })
})
