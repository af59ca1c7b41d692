#!/usr/bin/env bash
# Runs every PrivacyDesk test (unit, component, integration and browser) and ends with
# "N passed, N failed". On a fresh Debian machine it first installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
# The documents' face is Liberation Sans (FontCatalog); the PDF tests' line breaks assume its metrics. A machine with DejaVu
# alone (Chromium pulls it in) renders with the fallback and fails 30 of them, so Liberation is checked on its own.
fc-list 2>/dev/null | grep -q "LiberationSans-Regular.ttf" || need+=(fonts-liberation2)
# The connector tests and the PostgreSQL pass of the web tests start their own PostgreSQL and MariaDB servers from Debian's
# packages (ADR 0037, 0047); no service needs to run.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
[ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
# The mailbox tests start their own IMAP server from Debian's dovecot with a throwaway config (ADR 0046).
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
# The fallback faces for characters Liberation lacks (ADR 0025): DejaVu Sans and DejaVu Math TeX Gyre.
fc-list 2>/dev/null | grep -q "DejaVuSans.ttf" || need+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -q "DejaVuMathTeXGyre.ttf" || need+=(fonts-dejavu-extra)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (Debian packages the tests need)..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet tool restore >/dev/null
if ! dotnet build PrivacyDesk.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed: no test ran."
  echo "0 passed, 0 failed"
  exit 1
fi
status=0
# One test assembly at a time (-m:1): on two cores the whole run takes about as long either way (608 s side by
# side, 620 s one after the other, clean clone), but alone the browser tests' timeouts no longer race the web tests.
dotnet test PrivacyDesk.sln -c Release --no-build -m:1 --logger "trx" --results-directory "$results" "$@" || status=$?
# The persistence and integration classes once more on a real PostgreSQL (ADR 0047), which the tests start from Debian's
# package themselves; only on a full run (a run narrowed with arguments stays on SQLite).
if [ $# -eq 0 ]; then
  PRIVACYDESK_TEST_DATABASE=PostgreSql dotnet test tests/PrivacyDesk.Web.Tests -c Release --no-build \
    --filter "Providers=SqliteAndPostgreSql&Planner!=Sqlite" --logger "trx;LogFileName=web-tests-on-postgresql.trx" --results-directory "$results" || status=$?
fi

# The browser tests fail on warnings in the app's log (ADR 0034); their list is kept here, so say them again at the end.
warnings_report="$results/e2e-app-warnings.txt"
if [ -s "$warnings_report" ]; then
  echo "The app logged unexpected warnings during the browser tests:" >&2
  sed 's/^/  /' "$warnings_report" >&2
  status=1
fi

# Count from the TRX result files, not from console text.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test results were found in $results." >&2
  status=1
fi
# What the browser tests' waits were scaled by in this run (ADR 0034), for comparing runs.
[ -s "$results/e2e-waits.txt" ] && echo "Browser tests: $(cat "$results/e2e-waits.txt")"
echo "$passed passed, $failed failed"
exit $status
