import type {
  OverdueItem,
  PeerReviewSaved,
  PeerReviewTask,
  SheetDetail,
  SheetSummary,
  TeamQueue,
} from '../../contracts/sheets.ts'
import type { getSheet } from '../../services/sheets/get-sheet.ts'
import type { listMyPeerReviews } from '../../services/sheets/list-my-peer-reviews.ts'
import type { listMySheets } from '../../services/sheets/list-my-sheets.ts'
import type { listOverdueItems } from '../../services/sheets/list-overdue-items.ts'
import type { listTeamQueue } from '../../services/sheets/list-team-queue.ts'
import type { submitPeerReview } from '../../services/sheets/submit-peer-review.ts'

// The sheet services' answers checked against contracts/sheets.ts at compile time: a field added, dropped or
// retyped on either side breaks the build. Contracts may not import services, so the check lives here, and
// with it the typed step from each service's answer to the contract's type that the routes use.

/** What JSON.stringify makes of a value's type: a Date becomes its ISO string. */
type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T

/**
 * A service's wire type read through the contract: where the database types a text column holding one of the
 * contract's names as a plain string, the contract's names stand in; every other field (json columns are typed
 * with their contract shapes in db/workflow-tables.ts), and every key, must match.
 */
type ReadAs<S, C> = S extends string
  ? string extends S
    ? [Extract<C, string>] extends [never]
      ? S
      : Extract<C, string>
    : S
  : S extends readonly (infer U)[]
    ? [Extract<C, readonly unknown[]>] extends [readonly (infer V)[]]
      ? ReadAs<U, V>[]
      : S
    : S extends object
      ? { [K in keyof S]: K extends keyof Extract<C, object> ? ReadAs<S[K], Extract<C, object>[K]> : S[K] }
      : S

type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Answer<F extends (...args: never[]) => unknown> = Wire<Of<F>>
type Agrees<S, C> = Interchangeable<ReadAs<S, C>, C>

const detail: Agrees<Answer<typeof getSheet>, SheetDetail> = true
const mine: Agrees<Answer<typeof listMySheets>, SheetSummary[]> = true
const overdue: Agrees<Answer<typeof listOverdueItems>, OverdueItem[]> = true
const peerTasks: Agrees<Answer<typeof listMyPeerReviews>, PeerReviewTask[]> = true
const queue: Agrees<Answer<typeof listTeamQueue>, TeamQueue> = true
const peerSaved: Agrees<Answer<typeof submitPeerReview>, PeerReviewSaved> = true
void [detail, mine, overdue, peerTasks, queue, peerSaved]

// Each service's answer as the contract types it, sound by the checks above (the JSON sent is unchanged).
type Of<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>
const as = <C>(answer: unknown) => answer as C
export const toSheetDetail = (sheet: Of<typeof getSheet>) => as<SheetDetail>(sheet)
export const toSheetSummaries = (items: Of<typeof listMySheets>) => as<SheetSummary[]>(items)
export const toOverdueItems = (items: Of<typeof listOverdueItems>) => as<OverdueItem[]>(items)
export const toPeerReviewTasks = (items: Of<typeof listMyPeerReviews>) => as<PeerReviewTask[]>(items)
export const toTeamQueue = (queue: Of<typeof listTeamQueue>) => as<TeamQueue>(queue)
export const toPeerReviewSaved = (saved: Of<typeof submitPeerReview>) => as<PeerReviewSaved>(saved)
