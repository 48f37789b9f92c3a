// The company code (企业代码) this browser signed in with last, so people type it once.
const storageKey = 'jixiao.companyCode'

export function readRememberedCompanyCode(): string | undefined {
  try {
    return localStorage.getItem(storageKey) ?? undefined
  } catch {
    return undefined
  }
}

export function rememberCompanyCode(code: string): void {
  try {
    localStorage.setItem(storageKey, code)
  } catch {
    // private browsing without storage: the code is simply asked for again next time
  }
}
