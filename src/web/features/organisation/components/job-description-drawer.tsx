import { Descriptions, Drawer, Empty, Grid, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Position } from '../../../../contracts/organisation.ts'

// The job description (岗位说明书) of one position, laid out like the paper form: basics, then duties and their work content.
export function JobDescriptionDrawer({
  position,
  onClose,
}: {
  position: Position | undefined
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const screens = Grid.useBreakpoint()
  const none = t('common.none')
  const list = (items: readonly string[] | undefined) =>
    items && items.length > 0 ? items.join(t('common.listSeparator')) : none
  const jd = position?.jobDescription

  return (
    <Drawer
      open={position !== undefined}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={position ? t('organisation.jobDescription.title', { name: position.name }) : null}
      closable={{ 'aria-label': t('organisation.jobDescription.close') }}
    >
      {position && jd ? (
        <>
          {jd.summary ? (
            <Typography.Paragraph
              style={{
                background: token.colorFillAlter,
                borderInlineStart: `3px solid ${token.colorPrimary}`,
                padding: '8px 12px',
              }}
            >
              <Typography.Text strong>{t('organisation.jobDescription.summary')}: </Typography.Text>
              {jd.summary}
            </Typography.Paragraph>
          ) : null}
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('organisation.jobDescription.basics')}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            styles={{ label: { whiteSpace: 'nowrap' } }}
            column={screens.sm ? 2 : 1}
            items={[
              { key: 'name', label: t('organisation.jobDescription.positionName'), children: position.name },
              {
                key: 'department',
                label: t('organisation.jobDescription.department'),
                children: position.departmentName ?? none,
              },
              {
                key: 'superior',
                label: t('organisation.jobDescription.superior'),
                children: position.superiorPositionName ?? none,
              },
              {
                key: 'subordinates',
                label: t('organisation.jobDescription.subordinates'),
                children: list(jd.subordinatePositions),
              },
              {
                key: 'internal',
                label: t('organisation.jobDescription.internalCollaboration'),
                children: list(jd.internalCollaboration),
              },
              {
                key: 'external',
                label: t('organisation.jobDescription.externalCollaboration'),
                children: list(jd.externalCollaboration),
              },
              {
                key: 'hours',
                label: t('organisation.jobDescription.workingHours'),
                children: jd.workingHours || none,
                span: 'filled',
              },
              {
                key: 'pay',
                label: t('organisation.jobDescription.paySystem'),
                children: jd.paySystem || none,
                span: 'filled',
              },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            {t('organisation.jobDescription.duties')}
          </Typography.Title>
          {jd.duties.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('organisation.jobDescription.noDuties')}
            />
          ) : (
            <ol style={{ paddingInlineStart: 20, margin: 0 }}>
              {jd.duties.map((duty, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list whose titles may repeat
                <li key={`${index}-${duty.title}`} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{duty.title}</Typography.Text>
                  {duty.items.length > 0 ? (
                    <section aria-label={t('organisation.jobDescription.workContent')}>
                      <ol style={{ paddingInlineStart: 20, marginTop: 4, listStyleType: 'decimal' }}>
                        {duty.items.map((item, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list whose items may repeat
                          <li key={`${i}-${item}`} style={{ color: token.colorTextSecondary }}>
                            {item}
                          </li>
                        ))}
                      </ol>
                    </section>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </Drawer>
  )
}
