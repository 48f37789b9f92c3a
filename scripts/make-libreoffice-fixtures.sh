#!/bin/sh
# Regenerates the LibreOffice-written XLSX fixtures (issue 12.3) from their committed CSV / flat-ODS sources, so
# that CI reads real LibreOffice output without installing it. Needs Debian's libreoffice-calc (soffice).
# Run from the repository root: sh scripts/make-libreoffice-fixtures.sh
set -eu
dir=test-fixtures/ingest/libreoffice
for src in "$dir"/*.csv "$dir"/*.fods; do
  [ -e "$src" ] || continue
  case "$src" in
    # UTF-8 CSV, comma-separated, double quotes, dates and numbers recognised as LibreOffice does when a user opens it.
    *.csv) soffice --headless --infilter='CSV:44,34,76,1,,,,,,,,,true' --convert-to xlsx --outdir "$dir" "$src" ;;
    *) soffice --headless --convert-to xlsx --outdir "$dir" "$src" ;;
  esac
done
