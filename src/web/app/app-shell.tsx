import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons'
import {
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Spin,
  Tag,
  Typography,
  theme,
} from 'antd'
import { Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate } from 'react-router-dom'
import { BrandMark } from '../components/brand-mark.tsx'
import { LanguageSwitcher } from '../components/language-switcher.tsx'
import { useLogout } from '../features/auth/api/logout.ts'
import { ChangePasswordDialog } from '../features/auth/components/change-password-dialog.tsx'
import { useCurrentUser } from '../features/auth/current-user-context.ts'
import { NotificationBell } from '../features/notifications/components/notification-bell.tsx'
import { findActiveNavItem, isNavItemVisible } from './find-active-nav-item.ts'
import { navItems } from './nav-items.tsx'

const siderWidth = 220

// The frame of every signed-in page: side navigation (a drawer on phones), a header with the user, language and logout.
export function AppShell() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const screens = Grid.useBreakpoint()
  const isDesktop = screens.lg ?? true
  const user = useCurrentUser()
  const logout = useLogout()
  const navigate = useNavigate()
  const location = useLocation()
  const [collapsed, setCollapsed] = useState(false)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [passwordOpen, setPasswordOpen] = useState(false)

  const items = navItems.filter((item) => isNavItemVisible(item, user.role))
  const active = findActiveNavItem(items, location.pathname)
  const pageTitle = active ? t(active.labelKey) : undefined
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t('app.fullName')}` : t('app.fullName')
  }, [pageTitle, t])
  const menuItems: MenuProps['items'] = items.map((item) => ({
    key: item.key,
    icon: item.icon,
    label: t(item.labelKey),
  }))

  const menu = (
    <Menu
      mode="inline"
      items={menuItems}
      selectedKeys={active ? [active.key] : []}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        const target = items.find((item) => item.key === key)
        if (target) navigate(target.path)
        setDrawerOpen(false)
      }}
    />
  )

  const brand = (showName: boolean) => (
    <Flex align="center" gap={10} style={{ height: 56, paddingInline: 20, overflow: 'hidden' }}>
      <BrandMark size={28} />
      {showName ? (
        <Typography.Text strong style={{ fontSize: 17, whiteSpace: 'nowrap' }}>
          {t('app.fullName')}
        </Typography.Text>
      ) : null}
    </Flex>
  )

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop ? (
        <Layout.Sider
          width={siderWidth}
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
          }}
        >
          {brand(!collapsed)}
          <nav aria-label={t('nav.label')}>{menu}</nav>
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={siderWidth + 40}
          closable={false}
          styles={{ body: { padding: 0 } }}
        >
          {brand(true)}
          <nav aria-label={t('nav.label')}>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: 56,
            lineHeight: '56px',
            paddingInline: isDesktop ? 24 : 8,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {isDesktop ? null : (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.openMenu')}
                onClick={() => setDrawerOpen(true)}
              />
              <BrandMark size={24} />
            </>
          )}
          <div style={{ flex: 1 }} />
          <NotificationBell isDesktop={isDesktop} />
          <LanguageSwitcher compact={!screens.sm} />
          {/* The user menu: 修改密码 (every signed-in user may change their own password) */}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('changePassword.menu') },
                { key: 'everywhere', icon: <LogoutOutlined />, label: t('changePassword.logoutEverywhere') },
              ],
              onClick: ({ key }) => {
                if (key === 'password') setPasswordOpen(true)
                if (key === 'everywhere')
                  logout.mutate(
                    { everywhere: true },
                    { onSettled: () => navigate('/login', { replace: true }) },
                  )
              },
            }}
          >
            <Button type="text" aria-label={t('auth.userMenu')} style={{ minWidth: 0, paddingInline: 4 }}>
              <Flex align="center" gap={8} style={{ minWidth: 0 }}>
                <Avatar
                  size="small"
                  icon={<UserOutlined />}
                  style={{ background: token.colorPrimary, flex: 'none' }}
                />
                {screens.sm ? (
                  <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
                    {user.displayName}
                  </Typography.Text>
                ) : null}
                {screens.md ? (
                  <Tag color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
                    {t(`role.${user.role}`)}
                  </Tag>
                ) : null}
              </Flex>
            </Button>
          </Dropdown>
          <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            onClick={onLogout}
            loading={logout.isPending}
            aria-label={t('auth.logout')}
          >
            {screens.md ? t('auth.logout') : null}
          </Button>
        </Layout.Header>
        {/* Layout.Content is the page's one <main> landmark */}
        <Layout.Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', padding: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
