import { ApartmentOutlined, ArrowRightOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons'
import { Card, Col, Descriptions, Flex, Row, Statistic, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { PageHeader } from '../../../components/page-header.tsx'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { OverdueCard } from '../../my-appraisal/components/overdue-card.tsx'
import { useOrganisationSummary } from '../api/get-organisation-summary.ts'
import { DemoBanner } from './demo-banner.tsx'

// The dashboard (工作台): greets the user, shows who and where they are, head counts, and links to the main areas.
export function HomePage() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const user = useCurrentUser()
  const summary = useOrganisationSummary()

  const stats = [
    { key: 'departments', title: t('home.stats.departments'), icon: <ApartmentOutlined /> },
    { key: 'positions', title: t('home.stats.positions'), icon: <IdcardOutlined /> },
    { key: 'activeEmployees', title: t('home.stats.activeEmployees'), icon: <TeamOutlined /> },
  ] as const

  return (
    <>
      <PageHeader title={t('home.greeting', { name: user.displayName })} subtitle={t('home.intro')} />
      <DemoBanner />
      {/* What this person owes and is late with comes first; the card hides itself when nothing is overdue. */}
      <div style={{ marginBottom: 16 }}>
        <OverdueCard />
      </div>
      <Row gutter={[16, 16]}>
        {summary.isError
          ? null
          : stats.map((stat) => (
              <Col key={stat.key} xs={8}>
                <Card size="small">
                  <Statistic
                    title={stat.title}
                    value={summary.data?.[stat.key]}
                    loading={summary.isPending}
                    prefix={
                      <span style={{ color: token.colorPrimary, marginInlineEnd: 4 }}>{stat.icon}</span>
                    }
                  />
                </Card>
              </Col>
            ))}
        <Col xs={24} lg={10}>
          <Card title={t('home.account')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              items={[
                { key: 'company', label: t('home.company'), children: user.companyName },
                { key: 'role', label: t('home.role'), children: t(`role.${user.role}`) },
                { key: 'username', label: t('home.username'), children: user.username },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('home.shortcuts')} style={{ height: '100%' }}>
            <Link to="/organisation">
              <Card size="small" hoverable>
                <Flex align="center" gap={16}>
                  <ApartmentOutlined style={{ fontSize: 28, color: token.colorPrimary }} />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong>{t('nav.organisation')}</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {t('home.organisationCard')}
                    </Typography.Paragraph>
                  </div>
                  <ArrowRightOutlined aria-hidden="true" />
                </Flex>
              </Card>
            </Link>
          </Card>
        </Col>
      </Row>
    </>
  )
}
