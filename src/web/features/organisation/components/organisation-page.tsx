import {
  ApartmentOutlined,
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Flex, Grid, Row, Spin, Tabs } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { Department, Position } from '../../../../contracts/organisation.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { RosterButton } from '../../roster/components/roster-button.tsx'
import { useDepartments } from '../api/get-departments.ts'
import { usePositions } from '../api/get-positions.ts'
import { useSaveDepartment } from '../api/save-department.ts'
import { useSavePosition } from '../api/save-position.ts'
import {
  type OrganisationSearch,
  parseOrganisationSearch,
  toOrganisationParams,
  updateOrganisationSearch,
} from '../organisation-search.ts'
import { DepartmentFormDrawer, type DepartmentFormMode } from './department-form-drawer.tsx'
import { DepartmentList } from './department-list.tsx'
import { DepartmentTree } from './department-tree.tsx'
import { EmployeeFormDrawer, type EmployeeFormMode } from './employee-form-drawer.tsx'
import { EmployeesTable } from './employees-table.tsx'
import { JobDescriptionDrawer } from './job-description-drawer.tsx'
import { PositionFormDrawer } from './position-form-drawer.tsx'
import { PositionsTable } from './positions-table.tsx'

// 组织架构: the department tree beside the staff list and the positions with their job descriptions. Admin and HR
// also create, edit, move and retire departments, positions and employees here; everyone else reads.
export function OrganisationPage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const user = useCurrentUser()
  const canEdit = user.role === 'admin' || user.role === 'hr'
  const [departmentForm, setDepartmentForm] = useState<DepartmentFormMode | undefined>()
  const [positionForm, setPositionForm] = useState<{ position?: Position } | undefined>()
  const [employeeForm, setEmployeeForm] = useState<EmployeeFormMode | undefined>()
  const saveDepartment = useSaveDepartment()
  const savePosition = useSavePosition()
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
  // The departments tab exists on narrow screens only; a wide screen shows the tree beside the lists instead.
  const activeTab = search.tab === 'departments' && isWide ? 'employees' : search.tab

  const loadError = departments.error ?? positions.error
  const selectedDepartment = departmentList.find((d) => d.id === search.departmentId)

  // 撤销 asks first; 恢复 does not. A refusal (people still in it) is the server's message.
  const retireOrRestore = <T extends Department | Position>(
    item: T,
    run: (change: { kind: 'retire' | 'restore'; id: number }, options: object) => void,
  ) => {
    const kind = item.retiredAt ? 'restore' : 'retire'
    const go = () =>
      new Promise<void>((resolve) =>
        run(
          { kind, id: item.id },
          {
            onSuccess: () => {
              message.success(
                t(kind === 'retire' ? 'orgEdit.retiredDone' : 'orgEdit.restoredDone', { name: item.name }),
              )
              resolve()
            },
            onError: (error: unknown) => {
              message.error(describeError(t, error))
              resolve()
            },
          },
        ),
      )
    if (kind === 'restore') void go()
    else
      modal.confirm({
        title: t('orgEdit.retireConfirm', { name: item.name }),
        content: t('orgEdit.retireExplain'),
        okText: t('orgEdit.retire'),
        okButtonProps: { danger: true },
        cancelText: t('orgEdit.cancel'),
        onOk: go,
      })
  }

  return (
    <>
      <PageHeader
        title={t('organisation.title')}
        subtitle={t('organisation.subtitle')}
        extra={canEdit ? <RosterButton /> : null}
      />
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
            <Card
              title={t('organisation.departments')}
              size="small"
              styles={{ body: { padding: 8 } }}
              extra={
                canEdit ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<PlusOutlined />}
                    onClick={() => setDepartmentForm({ kind: 'create', parentId: selectedDepartment?.id })}
                  >
                    {t('orgEdit.department.create')}
                  </Button>
                ) : null
              }
            >
              {canEdit && selectedDepartment ? (
                <Flex
                  gap={4}
                  wrap
                  style={{ padding: '0 4px 8px' }}
                  aria-label={t('orgEdit.department.actions')}
                >
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setDepartmentForm({ kind: 'edit', department: selectedDepartment })}
                  >
                    {t('orgEdit.edit')}
                  </Button>
                  <Button
                    size="small"
                    icon={<DragOutlined />}
                    onClick={() => setDepartmentForm({ kind: 'move', department: selectedDepartment })}
                  >
                    {t('orgEdit.department.move')}
                  </Button>
                  <Button
                    size="small"
                    danger={!selectedDepartment.retiredAt}
                    icon={selectedDepartment.retiredAt ? <ApartmentOutlined /> : <DeleteOutlined />}
                    aria-label={t(selectedDepartment.retiredAt ? 'orgEdit.restoreOf' : 'orgEdit.retireOf', {
                      name: selectedDepartment.name,
                    })}
                    onClick={() => retireOrRestore(selectedDepartment, saveDepartment.mutate)}
                  >
                    {selectedDepartment.retiredAt ? t('orgEdit.restore') : t('orgEdit.retire')}
                  </Button>
                </Flex>
              ) : null}
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
              activeKey={activeTab}
              onChange={(tab) => update({ tab: tab as OrganisationSearch['tab'] })}
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
                      compact={!isWide}
                      onOpenPosition={(id) => update({ jobDescriptionOf: id })}
                      onCreate={canEdit ? () => setEmployeeForm({ kind: 'create' }) : undefined}
                      onEdit={canEdit ? (employee) => setEmployeeForm({ kind: 'edit', employee }) : undefined}
                      onLeave={
                        canEdit ? (employee) => setEmployeeForm({ kind: 'leave', employee }) : undefined
                      }
                    />
                  ),
                },
                {
                  key: 'positions',
                  label: t('organisation.tabs.positions'),
                  children: (
                    <Flex vertical gap={8}>
                      {canEdit ? (
                        <Flex justify="end">
                          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPositionForm({})}>
                            {t('orgEdit.position.create')}
                          </Button>
                        </Flex>
                      ) : null}
                      <PositionsTable
                        positions={visiblePositions}
                        loading={positions.isPending}
                        compact={!isWide}
                        onOpen={(id) => update({ jobDescriptionOf: id })}
                        onEdit={canEdit ? (position) => setPositionForm({ position }) : undefined}
                        onRetire={
                          canEdit ? (position) => retireOrRestore(position, savePosition.mutate) : undefined
                        }
                      />
                    </Flex>
                  ),
                },
                ...(isWide
                  ? []
                  : [
                      {
                        key: 'departments',
                        label: t('departmentList.tab'),
                        children: (
                          <DepartmentList
                            departments={departmentList}
                            loading={departments.isPending}
                            onShowMembers={(department) =>
                              update({ tab: 'employees', departmentId: department.id })
                            }
                            {...(canEdit
                              ? {
                                  onCreate: () => setDepartmentForm({ kind: 'create' }),
                                  onEdit: (department: Department) =>
                                    setDepartmentForm({ kind: 'edit', department }),
                                  onMove: (department: Department) =>
                                    setDepartmentForm({ kind: 'move', department }),
                                  onRetire: (department: Department) =>
                                    retireOrRestore(department, saveDepartment.mutate),
                                }
                              : {})}
                          />
                        ),
                      },
                    ]),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <JobDescriptionDrawer position={openPosition} onClose={() => update({ jobDescriptionOf: undefined })} />
      {canEdit ? (
        <>
          <DepartmentFormDrawer
            mode={departmentForm}
            departments={departmentList}
            onClose={() => setDepartmentForm(undefined)}
          />
          <PositionFormDrawer
            open={positionForm !== undefined}
            position={positionForm?.position}
            departments={departmentList}
            positions={positionList}
            onClose={() => setPositionForm(undefined)}
          />
          <EmployeeFormDrawer
            mode={employeeForm}
            departments={departmentList}
            positions={positionList}
            onClose={() => setEmployeeForm(undefined)}
          />
        </>
      ) : null}
    </>
  )
}
