#!/bin/sh
# Where a ledger import spends its time (issue: Excel ledgers, import speed). Generates the
# benchmark's customer ledger, imports it into a fresh workspace with a JFR recording and a GC log,
# and prints the CPU by phase (read, convert, validate, dedupe, commit by table, error report)
# and the garbage collector's CPU. Needs a built tree (./mvnw -q package -DskipTests).
# Usage: modules/bench/ledger-import-profile.sh [ROWS] [KEEP_DIR]
set -e
cd "$(dirname "$0")/../.."
ROWS=${1:-100000}
WORK=${2:-$(mktemp -d /tmp/salesdesk-ledger-profile.XXXXXX)}
mkdir -p "$WORK"
LEDGER="$WORK/customer-ledger.xlsx"
[ -f "$LEDGER" ] || java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.LedgerGenerator "$LEDGER" "$ROWS"
rm -rf "$WORK/data"
app/target/salesdesk/bin/salesdesk demo --customers 0 --data-dir "$WORK/data" > /dev/null 2>&1
echo "== salesdesk import with JFR ($WORK/import.jfr)"
SALESDESK_OPTS="-XX:StartFlightRecording=filename=$WORK/import.jfr,settings=profile -Xlog:gc+cpu=info:file=$WORK/gc.log" \
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" app/target/salesdesk/bin/salesdesk import "$LEDGER" \
  --data-dir "$WORK/data" --skip-invalid --report "$WORK/errors.xlsx" 2>&1 | tail -n 2
java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.LedgerImportProfile "$WORK/import.jfr"
awk '/User=/ { split($0, a, "User="); split(a[2], b, "s"); cpu += b[1]; n++ }
     END { printf "garbage collection: %d collections, %.1f s of CPU\n", n, cpu }' "$WORK/gc.log"
echo "(recording and GC log kept in $WORK)"
