// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { IndicatorInput } from '../../../../contracts/template.ts'
import { AppProviders } from '../../../app/providers.tsx'
import { changeLanguage, initI18n } from '../../../i18n/i18n.ts'
import { PreviewItem } from './preview-panel.tsx'

// Issue 16: typing `90%` in the live preview read 9,000 % (the box took 90 as the stored ratio) and gave full
// marks. A % box holds percent points with the sign after it, as sheets do: `90`, `90%` and `90 %` are 0.9.

beforeAll(async () => {
  await initI18n()
  await changeLanguage('zh-CN')
})
afterEach(() => cleanup())

const item = {
  key: 'conversion',
  name: '询单转化率',
  maxPoints: 20,
  unit: '%',
  targetHint: 0.95,
  rule: { shape: 'ratio_to_target', capRatio: 1 } as const,
}

function renderItem(input: IndicatorInput = {}) {
  const onInput = vi.fn<(patch: Partial<IndicatorInput>) => void>()
  render(
    <AppProviders>
      <PreviewItem
        item={item}
        input={input}
        onInput={onInput}
        score={undefined}
        language="zh-CN"
        issues={[]}
      />
    </AppProviders>,
  )
  return onInput
}

describe('the live preview reads a % indicator once', () => {
  it.each([{ typed: '90%' }, { typed: '90 %' }, { typed: '90' }])(
    'reads $typed in the actual box as 0.9, not 90',
    async ({ typed }) => {
      const onInput = renderItem()
      const box = await screen.findByLabelText('询单转化率 实际值')
      fireEvent.change(box, { target: { value: typed } })
      fireEvent.blur(box)
      expect(onInput).toHaveBeenLastCalledWith({ actual: 0.9 })
    },
  )

  it('shows a stored ratio as percent points and the target hint as 95%', async () => {
    renderItem({ actual: 0.9 })
    const box = (await screen.findByLabelText('询单转化率 实际值')) as HTMLInputElement
    expect(box.value).toBe('90')
    expect(screen.getByPlaceholderText('目标值 95%')).toBeTruthy()
  })
})
