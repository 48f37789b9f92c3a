import { lazy, Suspense } from 'react'
import { createBrowserRouter, type RouteObject } from 'react-router-dom'
import { NotFoundPage } from '../components/not-found-page.tsx'
import { RouteError } from '../components/route-error.tsx'
import { LoginPage } from '../features/auth/components/login-page.tsx'
import { RequireRole } from '../features/auth/components/require-role.tsx'
import { RequireSession } from '../features/auth/components/require-session.tsx'
import { SetupPage } from '../features/setup/components/setup-page.tsx'
import { AppShell } from './app-shell.tsx'
import { type NavItem, navItems } from './nav-items.tsx'

// The printable appraisal form stands outside the shell (no menu or header on paper).
// The activation page is public: a new colleague opens their one-time link, often on a phone.
const ActivatePage = lazy(() =>
  import('../features/accounts/components/activate-page.tsx').then((m) => ({ default: m.ActivatePage })),
)
const SheetPrintPage = lazy(() =>
  import('../features/print/components/sheet-print-page.tsx').then((m) => ({ default: m.SheetPrintPage })),
)

const PaySlipsPrintPage = lazy(() =>
  import('../features/print/components/pay-slips-print-page.tsx').then((m) => ({
    default: m.PaySlipsPrintPage,
  })),
)

// Every page in the navigation list becomes a route inside the signed-in shell; /login stands alone.
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/activate',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={null}>
        <ActivatePage />
      </Suspense>
    ),
  },
  // First run on an empty database: create the company and its admin.
  { path: '/setup', element: <SetupPage />, errorElement: <RouteError /> },
  {
    path: '/sheets/:id/print',
    errorElement: <RouteError />,
    element: (
      <RequireSession>
        <Suspense fallback={null}>
          <SheetPrintPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    path: '/cycles/:id/pay-slips/print',
    errorElement: <RouteError />,
    element: (
      <RequireSession>
        <Suspense fallback={null}>
          <PaySlipsPrintPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    errorElement: <RouteError />,
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      ...navItems.map((item) =>
        item.path === '/'
          ? { index: true, element: guarded(item) }
          : { path: `${item.path}/*`, element: guarded(item) },
      ),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

// A page restricted to some roles answers others with a 403 instead of a page whose requests would all fail.
function guarded(item: NavItem) {
  return item.roles ? <RequireRole roles={item.roles}>{item.element}</RequireRole> : item.element
}

export function createAppRouter() {
  return createBrowserRouter(routes)
}
