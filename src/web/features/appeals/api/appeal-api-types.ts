// The appeal pages' shapes are the API contract's (src/contracts); these names are the ones the pages use.
import type { AppealDetail } from '../../../../contracts/appeal-detail.ts'

export type { AppealDetail } from '../../../../contracts/appeal-detail.ts'
export type {
  AppealHandler,
  AppealRulingKind as Ruling,
  AppealStatus,
  AppealSummary,
  ChangedInputs,
  DisputedItem,
} from '../../../../contracts/appeals.ts'
export type { IndicatorInput, IndicatorScore as IndicatorPoints } from '../../../../contracts/sheets.ts'
/** The sheet behind an appeal, as HR sees it. */
export type AppealSheet = AppealDetail['sheet']
