import type { z } from 'zod'
import { appealFieldsSchema } from './appeals.ts'
import { sheetDetailSchema } from './sheets.ts'

// One appeal with its sheet (as the caller may see it): the appeal detail page. Apart from appeals.ts because the
// sheet contract lists a sheet's appeals with the pieces there.

export const appealDetailSchema = appealFieldsSchema
  .extend({ sheet: sheetDetailSchema })
  .meta({ id: 'Appeal' })
export type AppealDetail = z.infer<typeof appealDetailSchema>
/** The sheet behind an appeal, as HR sees it. */
export type AppealSheet = AppealDetail['sheet']
