import { createContext, useContext } from 'react'
import type { Me } from '../../../contracts/auth.ts'

// The signed-in user, provided by RequireSession to the pages below it. A context rather than a query read, so that
// when the session ends the pages are unmounted together with their provider instead of rendering without a user.
export const CurrentUserContext = createContext<Me | null>(null)

export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext)
  if (!user) throw new Error('useCurrentUser() used outside RequireSession')
  return user
}
