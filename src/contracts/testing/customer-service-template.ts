// The built-in 客服 template as the web sees it (a contract Template), so web tests have a real template without
// importing core: the web imports contracts only.
import { seed000CustomerService } from '../../core/library/templates/seed-000-customer-service.ts'
import type { Template } from '../template.ts'

export const customerServiceTemplate: Template = seed000CustomerService
