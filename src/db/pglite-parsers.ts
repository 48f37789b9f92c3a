// Dates stay 'YYYY-MM-DD' strings and numerics stay decimal strings on both engines; counts become numbers.
const DATE_OID = 1082
const NUMERIC_OID = 1700
const INT8_OID = 20

/** The type parsers of every PGlite instance (in this thread or its own) and of node-postgres. */
export const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [NUMERIC_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
}
