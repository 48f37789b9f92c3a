// Spreadsheet formula injection (CSV/XLSX injection): a cell that starts with =, +, -, @, tab or carriage return
// may run as a formula when the file is opened. Such text is written as text, prefixed with an apostrophe
// (the OWASP recommendation), so no exported file can carry a formula.
const formulaStart = /^[=+\-@\t\r]/

/** Whether a text value would be read as a formula by a spreadsheet program. */
export function looksLikeFormula(text: string): boolean {
  return formulaStart.test(text)
}

/** The text as it must be written into an export cell. Numbers are not text and are left to the caller. */
export function neutraliseCell(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text
}
