import { Alert, Button, Card, Col, Grid, Row, Spin, Tabs } from 'antd'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useDepartments } from '../api/get-departments.ts'
import { usePositions } from '../api/get-positions.ts'
import {
  type OrganisationSearch,
  parseOrganisationSearch,
  toOrganisationParams,
  updateOrganisationSearch,
} from '../organisation-search.ts'
import { DepartmentTree } from './department-tree.tsx'
import { EmployeesTable } from './employees-table.tsx'
import { JobDescriptionDrawer } from './job-description-drawer.tsx'
import { PositionsTable } from './positions-table.tsx'

// 组织架构: the department tree beside the staff list and the positions with their job descriptions.
export function OrganisationPage() {
  const { t } = useTranslation()
  const screens = Grid.useBreakpoint()
  const isWide = screens.lg ?? true
  const [params, setParams] = useSearchParams()
  const search = useMemo(() => parseOrganisationSearch(params), [params])
  const departments = useDepartments()
  const positions = usePositions()

  const update = useCallback(
    (patch: Partial<OrganisationSearch>) =>
      setParams((current) =>
        toOrganisationParams(updateOrganisationSearch(parseOrganisationSearch(current), patch)),
      ),
    [setParams],
  )

  const departmentList = departments.data ?? []
  const positionList = positions.data ?? []
  // exactly the chosen department, as the employee list does (the API filters employees the same way)
  const visiblePositions = useMemo(
    () =>
      search.departmentId ? positionList.filter((p) => p.departmentId === search.departmentId) : positionList,
    [positionList, search.departmentId],
  )
  const openPosition = positionList.find((p) => p.id === search.jobDescriptionOf)

  const loadError = departments.error ?? positions.error

  return (
    <>
      <PageHeader title={t('organisation.title')} subtitle={t('organisation.subtitle')} />
      {loadError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('common.loadFailed')}
          description={describeError(t, loadError)}
          action={
            <Button
              size="small"
              onClick={() => {
                void departments.refetch()
                void positions.refetch()
              }}
            >
              {t('common.retry')}
            </Button>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        {isWide ? (
          <Col lg={7} xl={6}>
            <Card title={t('organisation.departments')} size="small" styles={{ body: { padding: 8 } }}>
              {departments.isPending ? (
                <Spin style={{ display: 'block', padding: 24 }} />
              ) : (
                <DepartmentTree
                  departments={departmentList}
                  selectedId={search.departmentId}
                  onSelect={(departmentId) => update({ departmentId })}
                />
              )}
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={17} xl={18}>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              activeKey={search.tab}
              onChange={(tab) => update({ tab: tab === 'positions' ? 'positions' : 'employees' })}
              items={[
                {
                  key: 'employees',
                  label: t('organisation.tabs.employees'),
                  children: (
                    <EmployeesTable
                      search={search}
                      onChange={update}
                      departments={departmentList}
                      positions={positionList}
                      showDepartmentFilter={!isWide}
                      onOpenPosition={(id) => update({ jobDescriptionOf: id })}
                    />
                  ),
                },
                {
                  key: 'positions',
                  label: t('organisation.tabs.positions'),
                  children: (
                    <PositionsTable
                      positions={visiblePositions}
                      loading={positions.isPending}
                      onOpen={(id) => update({ jobDescriptionOf: id })}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <JobDescriptionDrawer position={openPosition} onClose={() => update({ jobDescriptionOf: undefined })} />
    </>
  )
}
