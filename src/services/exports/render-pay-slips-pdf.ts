import { chromium } from 'playwright-core'
import type { PaySlip } from '../../contracts/pay-slips.ts'

// Pay slips (工资条) as one PDF for a whole cycle: an A4 page per person, rendered from HTML by headless
// Chromium (the browser the end-to-end tests drive). Text is escaped; nothing from the data becomes markup.

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!)

/** Money as 1,234.50. */
function money(amount: string): string {
  const [whole = '0', fraction = '00'] = amount.replace('-', '').split('.')
  return `${amount.startsWith('-') ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`
}

function slipHtml(s: PaySlip): string {
  const rows = s.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.label)}</td><td class="amount">${money(l.amount)}</td><td class="rule">${escapeHtml(l.rule)}</td></tr>`,
    )
    .join('')
  const facts = [
    ['工号', s.employeeNo],
    ['姓名', s.employeeName],
    ['部门', s.departmentName ?? '—'],
    ['岗位', s.positionName ?? '—'],
    ['考核得分', s.score === null ? '—' : s.score.toFixed(2)],
    ['绩效系数', s.coefficient === null ? '—' : s.coefficient.toFixed(2)],
  ]
    .map(([k, v]) => `<div><span class="k">${k}</span>${escapeHtml(String(v))}</div>`)
    .join('')
  const notes = [
    s.status === 'draft' ? '草稿：工资表尚未审批或考核未定稿，仅供核对。' : '',
    ...s.problems.map((p) => `无法计算：${p}`),
  ]
    .filter(Boolean)
    .map((n) => `<p class="note">${escapeHtml(n)}</p>`)
    .join('')
  return `<section class="slip">
<h1>工资条 · ${escapeHtml(s.cycleName)}</h1>
<p class="period">${s.period.start} 至 ${s.period.end}</p>
<div class="facts">${facts}</div>
<table><thead><tr><th>工资项</th><th class="amount">金额（元）</th><th>计算方法</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th>应发合计</th><th class="amount">${money(s.total)}</th><th></th></tr></tfoot></table>
${notes}
</section>`
}

/** The HTML of the slips, one per printed page. */
export function renderPaySlipsHtml(slips: readonly PaySlip[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工资条</title><style>
@page { size: A4; margin: 16mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 11pt; color: #000; }
.slip { break-after: page; }
.slip:last-child { break-after: auto; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
.period { margin: 0 0 10pt; color: #444; }
.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4pt 12pt; margin-bottom: 10pt; }
.k { color: #555; margin-right: 6pt; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 4pt 6pt; text-align: left; vertical-align: top; }
.amount { text-align: right; white-space: nowrap; }
.rule { font-size: 9pt; color: #333; }
.note { color: #a00; }
</style></head><body>${slips.map(slipHtml).join('\n')}</body></html>`
}

/** Where Chromium lives: JIXIAO_CHROMIUM, else the Debian package's path (the one the e2e tests use). */
export const defaultChromiumPath = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium'

/** Renders the slips to one PDF (A4, a page per person) with headless Chromium. */
export async function renderPaySlipsPdf(
  slips: readonly PaySlip[],
  executablePath: string = defaultChromiumPath,
): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    // No network: the document is self-contained, so nothing it names is fetched.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(renderPaySlipsHtml(slips), { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}
