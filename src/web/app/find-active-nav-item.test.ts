import { describe, expect, it } from 'vitest'
import { findActiveNavItem, isNavItemVisible } from './find-active-nav-item.ts'

const items = [
  { key: 'home', path: '/' },
  { key: 'organisation', path: '/organisation' },
  { key: 'templates', path: '/templates', roles: ['admin', 'hr'] as const },
  { key: 'template-library', path: '/templates/library' },
]

describe('findActiveNavItem', () => {
  it('matches the dashboard only at the root', () => {
    expect(findActiveNavItem(items, '/')?.key).toBe('home')
    expect(findActiveNavItem(items, '/unknown')).toBeUndefined()
  })

  it('keeps a section highlighted on its sub-pages', () => {
    expect(findActiveNavItem(items, '/organisation')?.key).toBe('organisation')
    expect(findActiveNavItem(items, '/templates/12/edit')?.key).toBe('templates')
  })

  it('prefers the longest matching path', () => {
    expect(findActiveNavItem(items, '/templates/library/3')?.key).toBe('template-library')
  })

  it('does not treat a shared prefix as a parent (/organisations is not /organisation)', () => {
    expect(findActiveNavItem(items, '/organisations')).toBeUndefined()
  })
})

describe('isNavItemVisible', () => {
  it('shows entries without roles to everyone and restricted ones to their roles only', () => {
    expect(isNavItemVisible(items[1]!, 'employee')).toBe(true)
    expect(isNavItemVisible(items[2]!, 'hr')).toBe(true)
    expect(isNavItemVisible(items[2]!, 'employee')).toBe(false)
  })
})
