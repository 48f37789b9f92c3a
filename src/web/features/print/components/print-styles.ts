// The print view's own style sheet: an A4 page on screen, and on paper the page alone (no toolbar), with
// Chinese fonts and table borders that print.
export const printStyles = `
@page { size: A4; margin: 12mm 10mm; }
.jixiao-print-root { background: #f0f2f5; min-height: 100vh; padding: 16px 0 32px; }
.jixiao-print-toolbar { margin-bottom: 16px; }
.jixiao-print-page {
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #000; background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 12mm 10mm;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15); font-size: 10.5pt; line-height: 1.45;
}
.jixiao-print-page header { text-align: center; margin-bottom: 8px; }
.jixiao-print-company { font-size: 11pt; color: #333; }
.jixiao-print-page h1 { font-size: 16pt; margin: 4px 0 0; font-weight: 700; }
.jixiao-print-subtitle { display: block; font-size: 12pt; font-weight: 400; letter-spacing: 0.3em; }
.jixiao-print-page table { width: 100%; border-collapse: collapse; margin-top: 8px; table-layout: fixed; }
.jixiao-print-page th, .jixiao-print-page td {
  border: 1px solid #000; padding: 3px 5px; vertical-align: middle; word-break: break-word;
}
.jixiao-print-page thead th, .jixiao-print-info th { background: #f2f2f2; font-weight: 600; }
.jixiao-print-info th { width: 11%; text-align: center; }
.jixiao-print-page .num { text-align: center; }
.jixiao-print-page .right { text-align: right; }
.jixiao-print-page .strong { font-weight: 700; }
.jixiao-print-page .standard { font-size: 9pt; }
.jixiao-print-page .dimension { text-align: center; font-weight: 600; }
.jixiao-print-page .muted { color: #555; font-size: 9pt; font-weight: 400; }
.jixiao-print-page tr.total th, .jixiao-print-page tr.total td { font-size: 12pt; }
.jixiao-print-page thead { display: table-header-group; }
.jixiao-print-page tr { break-inside: avoid; }
.jixiao-print-legend, .jixiao-print-comment { margin-top: 8px; font-size: 9.5pt; }
.jixiao-print-signatures { display: flex; gap: 16px; margin-top: 28px; break-inside: avoid; }
.jixiao-print-signatures .signature { flex: 1; display: grid; grid-template-columns: auto 1fr; row-gap: 10px; align-items: end; }
.jixiao-print-signatures .signature-label { white-space: nowrap; font-weight: 600; }
.jixiao-print-signatures .signature-line { border-bottom: 1px solid #000; min-height: 22px; font-size: 9pt; padding: 0 4px; }
.jixiao-print-page footer { margin-top: 16px; text-align: right; }
@media print {
  html, body { background: #fff !important; }
  .jixiao-print-root { background: #fff; padding: 0; min-height: 0; }
  .jixiao-print-toolbar { display: none !important; }
  .jixiao-print-page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .jixiao-print-page thead th, .jixiao-print-info th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
