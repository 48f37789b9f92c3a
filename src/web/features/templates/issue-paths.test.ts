import { describe, expect, it } from 'vitest'
import { findIssues, normalizeIssuePath } from './issue-paths.ts'

describe('normalizeIssuePath', () => {
  it('reads dotted, bracketed and slash paths the same way', () => {
    expect(normalizeIssuePath('dimensions.0.indicators.1.rule')).toBe('dimensions.0.indicators.1.rule')
    expect(normalizeIssuePath('dimensions[0].indicators[1].rule')).toBe('dimensions.0.indicators.1.rule')
    expect(normalizeIssuePath('/dimensions/0/indicators/1/rule')).toBe('dimensions.0.indicators.1.rule')
  })
})

describe('findIssues', () => {
  const issues = [
    { path: 'dimensions[0].maxPoints', message: 'budget' },
    { path: 'dimensions.0.indicators.1.rule.bands.0.points', message: 'points' },
    { path: 'dimensions.10.name', message: 'other dimension' },
  ]

  it('finds issues below a prefix without matching a longer sibling index', () => {
    expect(findIssues(issues, 'dimensions.1').map((i) => i.message)).toEqual([])
    expect(findIssues(issues, 'dimensions.0').map((i) => i.message)).toEqual(['budget', 'points'])
  })

  it('finds only the field itself when exact', () => {
    expect(findIssues(issues, 'dimensions.0', true)).toEqual([])
    expect(findIssues(issues, 'dimensions.0.maxPoints', true).map((i) => i.message)).toEqual(['budget'])
  })
})
