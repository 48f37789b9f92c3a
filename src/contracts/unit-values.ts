// The one parser and formatter per unit (core/units), for the web's boxes and displays.
export {
  formatUnitValue,
  fromTypedNumber,
  parseTypedValue,
  parseUnitValue,
  toTypedNumber,
  type UnitLanguage,
  type UnitParse,
  unitOf,
  type ValueUnit,
} from '../core/units/unit-value.ts'
