// The built-in template library: every appraisal table in the seeds as a Template, in seed order.
import type { Template } from '../templates/template.ts'
import { seed000CustomerService } from './templates/seed-000-customer-service.ts'
import {
  seed000T24Marketing,
  seed000T24Operations,
  seed000T24OperationsManager,
  seed000T24Sales,
} from './templates/seed-000-t24-generic-kpi-sets.ts'
import {
  seed001T1OperationsTeam,
  seed001T2CustomerServiceTeam,
  seed001T3MarketingTeam,
  seed001T4LogisticsAfterSalesTeam,
} from './templates/seed-001-t1-t4-team-weight-trees.ts'
import {
  seed002T5WebsiteEditor,
  seed002T6CustomerServiceSpecialist,
  seed002T7EventSpecialist,
  seed002T8PromotionBdSpecialist,
} from './templates/seed-002-t5-t8-website-operations.ts'
import { seed002T9EcommerceHead } from './templates/seed-002-t9-ecommerce-head.ts'
import { seed002T10NetworkAdminMonthly } from './templates/seed-002-t10-network-admin-monthly.ts'
import { seed002T11NetworkAdmin } from './templates/seed-002-t11-network-admin.ts'
import {
  seed002T12OnlinePromotion,
  seed002T13OnlinePromotion,
} from './templates/seed-002-t12-t13-online-promotion.ts'
import { seed002T14NewMediaZhongyi } from './templates/seed-002-t14-new-media-zhongyi.ts'
import { seed002T15NewMediaDepartment } from './templates/seed-002-t15-new-media-department.ts'
import { seed002T16ShortVideo } from './templates/seed-002-t16-short-video.ts'
import {
  seed002T17aLiveSalesperson,
  seed002T17bLivePromoter,
  seed002T17cLiveSales,
} from './templates/seed-002-t17-live-commerce.ts'
import {
  seed002T18aWechatOperations,
  seed002T18bNewMediaKpi,
} from './templates/seed-002-t18-new-media-kpi-sets.ts'
import { seed002T19DouyinShop } from './templates/seed-002-t19-douyin-shop.ts'
import { seed003T21OperationsKpiPlan } from './templates/seed-003-t21-operations-kpi-plan.ts'
import { seed003T22OperationsTeam } from './templates/seed-003-t22-operations-team.ts'
import {
  seed003T23CustomerService,
  seed003T23OpsSpecialist,
  seed003T23Promotion,
} from './templates/seed-003-t23-role-kpi-sets.ts'
import { seed004T25OperationsKpiCategories } from './templates/seed-004-t25-operations-kpi-categories.ts'

export const builtinTemplates: Template[] = [
  seed000CustomerService,
  seed000T24OperationsManager,
  seed000T24Sales,
  seed000T24Operations,
  seed000T24Marketing,
  seed001T1OperationsTeam,
  seed001T2CustomerServiceTeam,
  seed001T3MarketingTeam,
  seed001T4LogisticsAfterSalesTeam,
  seed002T5WebsiteEditor,
  seed002T6CustomerServiceSpecialist,
  seed002T7EventSpecialist,
  seed002T8PromotionBdSpecialist,
  seed002T9EcommerceHead,
  seed002T10NetworkAdminMonthly,
  seed002T11NetworkAdmin,
  seed002T12OnlinePromotion,
  seed002T13OnlinePromotion,
  seed002T14NewMediaZhongyi,
  seed002T15NewMediaDepartment,
  seed002T16ShortVideo,
  seed002T17aLiveSalesperson,
  seed002T17bLivePromoter,
  seed002T17cLiveSales,
  seed002T18aWechatOperations,
  seed002T18bNewMediaKpi,
  seed002T19DouyinShop,
  seed003T21OperationsKpiPlan,
  seed003T22OperationsTeam,
  seed003T23OpsSpecialist,
  seed003T23Promotion,
  seed003T23CustomerService,
  seed004T25OperationsKpiCategories,
]

const byCode = new Map(builtinTemplates.map((template) => [template.code, template]))

/** The built-in template with this code, or undefined. */
export function findBuiltinTemplate(code: string): Template | undefined {
  return byCode.get(code)
}
