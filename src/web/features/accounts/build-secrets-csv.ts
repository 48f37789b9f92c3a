// The one-time secrets as a CSV HR can hand out. A cell that starts like a formula (= + - @) gets a leading ',
// so a spreadsheet shows it as text instead of running it.

export type SecretRow = { employeeNo: string; name: string; username: string; secret: string }

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** CSV with a header row, UTF-8 with a byte-order mark so Excel reads the Chinese names. */
export function buildSecretsCsv(header: [string, string, string, string], rows: SecretRow[]): string {
  const lines = [header, ...rows.map((r) => [r.employeeNo, r.name, r.username, r.secret])]
  return `\uFEFF${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`
}
