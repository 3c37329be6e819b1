#!/usr/bin/env bash
# Rapor build and test entry point.
#   ./build.sh test   install what is missing (apt: postgresql, chromium), start PostgreSQL, run every suite
#   ./build.sh build  compile only
# The last line of `test` is "N passed, N failed" (xunit totals over all suites).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CONFIG=${CONFIG:-Release}
RESULTS=$ROOT/artifacts/test-results
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export RAPOR_TEST_PG=${RAPOR_TEST_PG:-"Host=127.0.0.1;Port=5432;Username=rapor_test;Password=rapor_test"}

log() { printf '\n==> %s\n' "$*"; }

ensure_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then echo "need root to install ${missing[*]}" >&2; exit 1; fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do
    su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='rapor_test'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"create role rapor_test login createdb password 'rapor_test'\""
}

build() {
  log "dotnet build ($CONFIG)"
  dotnet build Rapor.sln -c "$CONFIG" -nologo -clp:ErrorsOnly
}

# Runs one xunit v3 test assembly natively and keeps its XML result.
run_suite() {
  local name=$1 dll=$2 parallel=$3; shift 3
  log "tests: $name"
  set +e
  dotnet "$dll" -noColor -parallel "$parallel" -xml "$RESULTS/$name.xml" "$@"
  local rc=$?
  set -e
  [ -f "$RESULTS/$name.xml" ] || { echo "suite $name produced no result file (exit $rc)"; SUITE_ERRORS=$((SUITE_ERRORS + 1)); }
}

# Redocly's recommended ruleset on the OpenAPI document the test suite saved (npm registry: tools/openapi-lint).
lint_openapi() {
  log "OpenAPI lint (Redocly recommended)"
  if [ ! -f "$ROOT/artifacts/openapi.json" ]; then
    echo "artifacts/openapi.json missing (OpenApiContractTests did not run)"; SUITE_ERRORS=$((SUITE_ERRORS + 1)); return
  fi
  if ! (cd "$ROOT/tools/openapi-lint" && npm ci --no-audit --no-fund --silent >/dev/null 2>&1); then
    echo "npm ci failed: Redocly not installed; OpenApiContractTests checked the main rules"; return
  fi
  if ! (cd "$ROOT/tools/openapi-lint" && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true ./node_modules/.bin/redocly lint --config redocly.yaml "$ROOT/artifacts/openapi.json"); then
    SUITE_ERRORS=$((SUITE_ERRORS + 1))
  fi
}

totals() {
  local passed=0 failed=0 skipped=0 p f s e
  for x in "$RESULTS"/*.xml; do
    [ -f "$x" ] || continue
    while read -r line; do
      p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")
      f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
      s=$(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$line")
      e=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$line")
      passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${s:-0}))
    done < <(grep -o '<assembly [^>]*>' "$x")
  done
  failed=$((failed + SUITE_ERRORS))
  echo
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}

cmd=${1:-test}
case "$cmd" in
  build)
    build
    ;;
  test)
    ensure_packages
    start_postgres
    build
    rm -rf "$RESULTS" && mkdir -p "$RESULTS" "$ROOT/artifacts/screenshots"
    SUITE_ERRORS=0
    bin=bin/$CONFIG/net10.0
    run_suite unit-and-integration-sqlite "tests/Rapor.Tests/$bin/Rapor.Tests.dll" collections
    RAPOR_TEST_DB=Postgres run_suite integration-postgres "tests/Rapor.Tests/$bin/Rapor.Tests.dll" collections -trait "Category=Integration"
    # One browser class at a time: on 2 cores a demo-data seed beside a browser session starves it into timeouts.
    run_suite browser-chromium "tests/Rapor.BrowserTests/$bin/Rapor.BrowserTests.dll" none
    lint_openapi
    log "benchmark smoke run (1/100 scale; no timing is asserted)"
    dotnet "bench/Rapor.Bench/$bin/Rapor.Bench.dll" --scale 0.01 --updates 500 --runs 1 --db > "$RESULTS/bench-smoke.txt" 2>&1 || true
    cat "$RESULTS/bench-smoke.txt"
    if ! grep -q "differing: 0;" "$RESULTS/bench-smoke.txt" || ! grep -q "db results differing: 0" "$RESULTS/bench-smoke.txt"; then
      echo "benchmark smoke run failed, or the engine and the SQL baseline disagree"
      SUITE_ERRORS=$((SUITE_ERRORS + 1))
    fi
    totals
    ;;
  *)
    echo "usage: ./build.sh [test|build]" >&2
    exit 2
    ;;
esac
