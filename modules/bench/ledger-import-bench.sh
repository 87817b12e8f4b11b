#!/bin/sh
# Ledger import benchmark (issue: Excel ledgers). Generates a 100,000-row x 20-column customer
# ledger, imports it end to end with `salesdesk import` into a fresh workspace (demo organisation,
# no customers), exports the imported customers again, and times pandas just parsing the same
# file, side by side.
# Wall times on a shared machine include waiting for a CPU; the CPU times (user + sys) do not, and
# pandas runs in the same run so that both meet the same machine.
# Needs: a built tree (./mvnw -q package -DskipTests), GNU time (/usr/bin/time) and, for the
# comparison, Debian's python3-pandas and python3-openpyxl.
set -e
cd "$(dirname "$0")/../.."
ROWS=${1:-100000}
WORK=$(mktemp -d /tmp/salesdesk-ledger-bench.XXXXXX)
LEDGER="$WORK/customer-ledger.xlsx"
java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.LedgerGenerator "$LEDGER" "$ROWS"
app/target/salesdesk/bin/salesdesk demo --customers 0 --data-dir "$WORK/data" > /dev/null
echo "== salesdesk import (parse, validate, dedupe, commit)"
/usr/bin/time -f "wall %e s, CPU user %U s + sys %S s, peak RSS %M KB" app/target/salesdesk/bin/salesdesk import "$LEDGER" \
  --data-dir "$WORK/data" --skip-invalid --report "$WORK/errors.xlsx" | tail -n 2
echo "== salesdesk export of the imported customers"
/usr/bin/time -f "wall %e s, CPU user %U s + sys %S s, peak RSS %M KB" app/target/salesdesk/bin/salesdesk --user admin export --data-dir "$WORK/data" \
  --out "$WORK/export.xlsx" | tail -n 1
if /usr/bin/python3 -c "import pandas, openpyxl" 2>/dev/null; then
  echo "== pandas.read_excel (parse only)"
  /usr/bin/time -f "wall %e s, CPU user %U s + sys %S s, peak RSS %M KB" /usr/bin/python3 -c "import pandas; pandas.read_excel('$LEDGER')"
else
  echo "(pandas not installed: apt-get install python3-pandas python3-openpyxl)"
fi
rm -rf "$WORK"
