import { InputNumber } from 'antd'
import { fromTypedNumber, parseTypedValue, toTypedNumber, unitOf } from '../../../../contracts/unit-values.ts'

type Props = {
  id?: string
  /** The stored value: a % value is a ratio (0.95 = 95%). */
  value: number | undefined
  onChange: (value: number | undefined) => void
  /** The template's unit ('%', '元', '次' …), shown after the box. */
  unit?: string
  placeholder?: string
  width?: number | string
  min?: number
  disabled?: boolean
  'aria-label'?: string
}

// A number box in an indicator's unit, read by the one typed-value parser (contracts/unit-values): a % box shows
// percent points with the sign after it, so `96`, `96%` and `96 %` all store 0.96, as on sheets.
export function UnitNumberInput({
  id,
  value,
  onChange,
  unit,
  placeholder,
  width = 120,
  min,
  disabled,
  ...rest
}: Props) {
  const kind = unitOf(unit)
  return (
    <InputNumber<number>
      id={id}
      aria-label={rest['aria-label']}
      value={value === undefined ? null : toTypedNumber(value, kind)}
      min={min}
      disabled={disabled}
      placeholder={placeholder}
      suffix={kind === 'percent' ? '%' : unit}
      style={{ width }}
      parser={(text) => {
        // The box holds percent points for %: the typed text's ratio, shown back ×100.
        const typed = parseTypedValue(text ?? '', kind)
        if (!typed.ok || typed.value === undefined) return Number.NaN
        return toTypedNumber(typed.value, kind)
      }}
      onChange={(next) =>
        onChange(typeof next === 'number' && Number.isFinite(next) ? fromTypedNumber(next, kind) : undefined)
      }
    />
  )
}
