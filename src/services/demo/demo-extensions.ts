import { seedDemoBonusPool } from '../bonuses/seed-demo-bonus-pool.ts'
import { seedDemoPay } from '../pay/seed-demo-pay.ts'
import { seedDemoClockRecords } from '../rota/seed-demo-clock-records.ts'
import { seedDemoRota } from '../rota/seed-demo-rota.ts'
import { installBuiltinTemplates } from '../templates/install-builtin-templates.ts'
import { demoSeedRoles } from './demo-company-data.ts'
import type { DemoExtension } from './load-demo-company.ts'

// The demo steps features add beyond the organisation (templates, rota, shop data …), in order.
export const demoExtensions: DemoExtension[] = [
  async (db, companyId) => {
    await installBuiltinTemplates(db, companyId, demoSeedRoles)
  },
  seedDemoRota,
  // Clock records for November 2026 up to the 28th (one late arrival, one early leave, one absence).
  seedDemoClockRecords,
  // Pay schemes for the demo positions and two final monthly cycles (2026-09 approved pay sheet, 2026-10 draft)
  // with rewards/penalties: pay sheets, results, bonus pools and dashboards have data (see services/pay/seed-demo-pay.ts).
  seedDemoPay,
  // The third-quarter bonus pool over the September results, approved by finance (see services/bonuses).
  seedDemoBonusPool,
]
