import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectEncoding } from './detect-encoding.ts'

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
