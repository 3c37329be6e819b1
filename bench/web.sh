#!/usr/bin/env bash
# Web benchmark (docs/performance.md): real pages and the public API against a trivial endpoint of the same app,
# in the same run, with wrk on loopback. Needs: wrk (apt), a built Release app. Usage: bench/web.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
PORT=5099
DATA=$(mktemp -d)
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build src/Rapor.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Database__ConnectionString="Data Source=$DATA/rapor.db" Storage__Root="$DATA/files" \
  dotnet src/Rapor.Web/bin/Release/net10.0/Rapor.Web.dll --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/Rapor.Web" >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/api/ping" >/dev/null && break; sleep 1; done

login() { # user → cookie header value
  local jar="$DATA/$1.jar" token
  token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/Account/Login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=Bandung-Juara-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/Account/Login"
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}'
}
PIMPINAN=$(login pimpinan)
rps() { wrk -t2 -c64 -d"${DURATION}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
# Every measured URL must answer 200 as the user it is measured for (a redirect would be measured as a fast page).
check() { local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$@"); [ "$code" = 200 ] || { echo "not 200 ($code): $*" >&2; exit 1; }; }
check "http://127.0.0.1:$PORT/api/ping"
check -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/Ranking?period=2025"
check -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/32.73.29/2025"
check "http://127.0.0.1:$PORT/api/public/32.73/rankings/2025"

TRIVIAL=$(rps "http://127.0.0.1:$PORT/api/ping")
RANKING=$(rps -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/Ranking?period=2025")
RAPOR=$(rps -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/32.73.29/2025")
PUBLIC=$(rps "http://127.0.0.1:$PORT/api/public/32.73/rankings/2025")

# Saving a value: 64 concurrent lurah sessions' worth of autosaves on this month's open report.
LURAH=$(login lurah.cisarantenwetan)
TOKEN=$(curl -s -H "Cookie: $LURAH" "http://127.0.0.1:$PORT/" | grep -o 'RequestVerificationToken": "[^"]*"' | head -1 | sed 's/.*": "//;s/"$//')
PERIOD=$(date +%Y-%m)
IND=$(curl -s -H "Cookie: $LURAH" "http://127.0.0.1:$PORT/Reports/Fill/32.73.29.1001/$PERIOD" | grep -o 'name="indicatorId" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
cat >"$DATA/save.lua" <<LUA
wrk.method = "POST"
wrk.body = "indicatorId=$IND&value=90&note=wrk"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["RequestVerificationToken"] = "$TOKEN"
wrk.headers["Cookie"] = "$LURAH"
done = function(summary, latency, requests)
  io.write(string.format("SAVE p50=%.2fms p95=%.2fms p99=%.2fms requests=%d non2xx=%d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status))
end
LUA
SAVE=$(wrk -t2 -c64 -d"${DURATION}s" -s "$DATA/save.lua" "http://127.0.0.1:$PORT/Reports/Fill/32.73.29.1001/$PERIOD?handler=Value" | grep SAVE)

ratio() { awk -v a="$1" -v b="$TRIVIAL" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }
echo
echo "| endpoint (wrk -t2 -c64 -d${DURATION}s) | req/s | of trivial endpoint |"
echo "|---|---:|---:|"
echo "| /api/ping (trivial, same app) | $TRIVIAL | 100 % |"
echo "| ranking page (30 kecamatan, map data) | $RANKING | $(ratio "$RANKING") |"
echo "| rapor page (Kecamatan Cinambo, annual) | $RAPOR | $(ratio "$RAPOR") |"
echo "| public rankings API | $PUBLIC | $(ratio "$PUBLIC") |"
echo
echo "autosave of one value, 64 concurrent connections: $SAVE"
