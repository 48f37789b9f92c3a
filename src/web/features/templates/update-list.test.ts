import { describe, expect, it } from 'vitest'
import { moveAt, removeAt, replaceAt, uniqueKey } from './update-list.ts'

describe('list edits', () => {
  it('replace and remove leave the original untouched', () => {
    const list = ['a', 'b', 'c']
    expect(replaceAt(list, 1, 'x')).toEqual(['a', 'x', 'c'])
    expect(removeAt(list, 0)).toEqual(['b', 'c'])
    expect(list).toEqual(['a', 'b', 'c'])
  })

  it('moves one place and ignores moves past the ends', () => {
    expect(moveAt(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c'])
    expect(moveAt(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b'])
    expect(moveAt(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveAt(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('finds the first free key', () => {
    expect(uniqueKey('indicator', ['indicator_1', 'indicator_3'])).toBe('indicator_2')
  })
})
