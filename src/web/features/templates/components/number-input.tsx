import { InputNumber } from 'antd'

type Props = {
  id?: string
  value: number | undefined
  onChange: (value: number | undefined) => void
  min?: number
  max?: number
  step?: number
  placeholder?: string
  width?: number | string
  'aria-label'?: string
}

// A number box for template data: an empty box is `undefined` (an open bound, no cap), never NaN or null.
export function NumberInput({
  id,
  value,
  onChange,
  min,
  max,
  step,
  placeholder,
  width = 110,
  ...rest
}: Props) {
  return (
    <InputNumber
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? null}
      min={min}
      max={max}
      step={step}
      placeholder={placeholder}
      style={{ width }}
      onChange={(next) => onChange(typeof next === 'number' && Number.isFinite(next) ? next : undefined)}
    />
  )
}
