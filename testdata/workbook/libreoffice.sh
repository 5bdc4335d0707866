#!/bin/sh
# Remakes the fixtures that a real office suite saved (lo-*.xlsx, lo-*.ods)
# with LibreOffice Calc, headless: apt-get install libreoffice-calc-nogui.
# Run after `go test ./store/workbook/ -run TestFixturesUpToDate -update`.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo() { soffice -env:UserInstallation="file://$tmp/profile" --headless "$@" >/dev/null; }

# A workbook made by excelize, opened and saved by Calc as ODS, then as xlsx.
lo --convert-to ods --outdir "$tmp" good.xlsx
cp "$tmp/good.ods" lo-good.ods
lo --convert-to xlsx --outdir "$tmp/x" "$tmp/good.ods"
cp "$tmp/x/good.xlsx" lo-good.xlsx

# A UTF-8 CSV imported by Calc (comma, double quote, UTF-8) and saved as xlsx:
# Calc turns "200,000" and the like into numbers of its own.
lo --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$tmp" plans-utf8.csv
cp "$tmp/plans-utf8.xlsx" lo-plans.xlsx

# The filled template as a district would return it after editing in Calc.
lo --convert-to ods --outdir "$tmp" template-filled.xlsx
lo --convert-to xlsx --outdir "$tmp/t" "$tmp/template-filled.ods"
cp "$tmp/t/template-filled.xlsx" lo-template.xlsx
