// While a dashboard is on screen, printing leaves out the app's navigation and header and keeps charts whole.
export function PrintChromeStyle() {
  return (
    <style>{`
@media print {
  @page { size: A4; margin: 12mm; }
  .ant-layout-sider, .ant-layout-header, .jixiao-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; }
  .jixiao-dashboard-card { break-inside: avoid; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
}`}</style>
  )
}
