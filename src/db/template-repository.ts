import type { Template } from '../core/templates/template.ts'
import type { Db } from './database.ts'

// Templates and their immutable versions. A save never edits a version: it adds the next one.

export type TemplateSummary = {
  id: number
  code: string
  name: string
  status: 'active' | 'archived'
  origin: 'builtin' | 'custom'
  latestVersion: number
  updatedAt: Date
  positions: string[]
}

export type TemplateVersionRecord = {
  templateId: number
  version: number
  definition: Template
  note: string | null
  createdAt: Date
}

export function createTemplateRepository(db: Db) {
  return {
    async list(companyId: number, includeArchived: boolean): Promise<TemplateSummary[]> {
      let query = db
        .selectFrom('templates as t')
        .select(['t.id', 't.code', 't.name', 't.status', 't.origin', 't.latest_version', 't.updated_at'])
        .where('t.company_id', '=', companyId)
        .orderBy('t.origin')
        .orderBy('t.id')
      if (!includeArchived) query = query.where('t.status', '=', 'active')
      const rows = await query.execute()
      const links = await db
        .selectFrom('position_templates as pt')
        .innerJoin('positions as p', 'p.id', 'pt.position_id')
        .select(['pt.template_id', 'p.name'])
        .where('pt.company_id', '=', companyId)
        // In position order: without it the order is the rows' physical order, which a restore may change.
        .orderBy('p.id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        status: r.status,
        origin: r.origin,
        latestVersion: r.latest_version,
        updatedAt: r.updated_at,
        positions: links.filter((l) => l.template_id === r.id).map((l) => l.name),
      }))
    },

    async findById(companyId: number, id: number) {
      return db
        .selectFrom('templates')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst()
    },

    async findByCode(companyId: number, code: string) {
      return db
        .selectFrom('templates')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('code', '=', code)
        .executeTakeFirst()
    },

    async findVersion(
      companyId: number,
      templateId: number,
      version: number,
    ): Promise<TemplateVersionRecord | undefined> {
      const row = await db
        .selectFrom('template_versions')
        .select(['template_id', 'version', 'definition', 'note', 'created_at'])
        .where('company_id', '=', companyId)
        .where('template_id', '=', templateId)
        .where('version', '=', version)
        .executeTakeFirst()
      return row
        ? {
            templateId: row.template_id,
            version: row.version,
            definition: row.definition as Template,
            note: row.note,
            createdAt: row.created_at,
          }
        : undefined
    },

    async listVersions(companyId: number, templateId: number) {
      return db
        .selectFrom('template_versions')
        .select(['version', 'note', 'created_at', 'created_by_user_id'])
        .where('company_id', '=', companyId)
        .where('template_id', '=', templateId)
        .orderBy('version', 'desc')
        .execute()
    },

    async insert(
      companyId: number,
      definition: Template,
      origin: 'builtin' | 'custom',
      userId: number | null,
      note: string | null,
    ): Promise<number> {
      const row = await db
        .insertInto('templates')
        .values({
          company_id: companyId,
          code: definition.code,
          name: definition.name,
          origin,
          latest_version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('template_versions')
        .values({
          company_id: companyId,
          template_id: row.id,
          version: 1,
          definition: JSON.stringify(definition),
          note,
          created_by_user_id: userId,
        })
        .execute()
      return row.id
    },

    /** Adds version `expected + 1`; returns false when someone else saved first (optimistic versioning). */
    async addVersion(
      companyId: number,
      templateId: number,
      expectedLatest: number,
      definition: Template,
      userId: number | null,
      note: string | null,
    ): Promise<boolean> {
      const updated = await db
        .updateTable('templates')
        .set({ latest_version: expectedLatest + 1, name: definition.name, updated_at: new Date() })
        .where('company_id', '=', companyId)
        .where('id', '=', templateId)
        .where('latest_version', '=', expectedLatest)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1) return false
      await db
        .insertInto('template_versions')
        .values({
          company_id: companyId,
          template_id: templateId,
          version: expectedLatest + 1,
          definition: JSON.stringify(definition),
          note,
          created_by_user_id: userId,
        })
        .execute()
      return true
    },

    async setStatus(companyId: number, templateId: number, status: 'active' | 'archived') {
      await db
        .updateTable('templates')
        .set({ status, updated_at: new Date() })
        .where('company_id', '=', companyId)
        .where('id', '=', templateId)
        .execute()
    },

    /** The company's employees by number and name, to match the rows of a values file (left ones too). */
    async listEmployeeRefs(companyId: number): Promise<{ id: number; employeeNo: string; name: string }[]> {
      return db
        .selectFrom('employees')
        .select(['id', 'employee_no as employeeNo', 'name'])
        .where('company_id', '=', companyId)
        .execute()
    },

    /** The company's positions linked to no template yet. */
    async listPositionsWithoutTemplate(companyId: number): Promise<{ id: number; name: string }[]> {
      return db
        .selectFrom('positions')
        .select(['id', 'name'])
        .where('company_id', '=', companyId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('position_templates as pt')
                .select('pt.position_id')
                .whereRef('pt.position_id', '=', 'positions.id'),
            ),
          ),
        )
        .execute()
    },

    async assignToPosition(companyId: number, positionId: number, templateId: number) {
      await db
        .insertInto('position_templates')
        .values({ company_id: companyId, position_id: positionId, template_id: templateId })
        .onConflict((oc) => oc.column('position_id').doUpdateSet({ template_id: templateId }))
        .execute()
    },
  }
}

export type TemplateRepository = ReturnType<typeof createTemplateRepository>
