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
# Each URL gets a short warm-up first (JIT tiering, connection pool, caches), then the measured run.
rps() { wrk -t2 -c64 -d2s "$@" >/dev/null; wrk -t2 -c64 -d"${DURATION}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
# Every measured URL must answer 200 as the user it is measured for (a redirect would be measured as a fast page).
check() { local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$@"); [ "$code" = 200 ] || { echo "not 200 ($code): $*" >&2; exit 1; }; }
check "http://127.0.0.1:$PORT/api/ping"
check -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/Ranking?period=2025"
check -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/32.73.29/2025"
check "http://127.0.0.1:$PORT/api/public/32.73/rankings/2025"

TRIVIAL_FIRST=$(rps "http://127.0.0.1:$PORT/api/ping")
RANKING=$(rps -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/Ranking?period=2025")
RAPOR=$(rps -H "Cookie: $PIMPINAN" "http://127.0.0.1:$PORT/Rapor/32.73.29/2025")
PUBLIC=$(rps "http://127.0.0.1:$PORT/api/public/32.73/rankings/2025")
# The trivial endpoint again after the pages: the machine's pace drifts within a run, the mean is the baseline.
TRIVIAL_LAST=$(rps "http://127.0.0.1:$PORT/api/ping")
TRIVIAL=$(awk -v a="$TRIVIAL_FIRST" -v b="$TRIVIAL_LAST" 'BEGIN {printf "%.0f", (a + b) / 2}')

# Saving a value: 64 lurah at once, each autosaving a field of their own open report (a real form post with the
# antiforgery token; the demo seeds an account per unit, "lurah.<kode>").
PERIOD=$(date +%Y-%m)
KECAMATAN=$(curl -s "http://127.0.0.1:$PORT/api/regions/32.73/children" | grep -o '"code":"[^"]*"' | sed 's/.*:"//;s/"//')
USERS=0
echo "users = {" >"$DATA/users.lua"
for KEC in $KECAMATAN; do
  for UNIT in $(curl -s "http://127.0.0.1:$PORT/api/regions/$KEC/children" | grep -o '"code":"[^"]*"' | sed 's/.*:"//;s/"//'); do
    [ "$USERS" -ge 64 ] && break 2
    COOKIE=$(login "lurah.$UNIT")
    FORM=$(curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/Reports/Fill/$UNIT/$PERIOD")
    IND=$(grep -o 'name="indicatorId" value="[^"]*"' <<<"$FORM" | head -1 | sed 's/.*value="//;s/"$//' || true)
    TOKEN=$(grep -o 'RequestVerificationToken": "[^"]*"' <<<"$FORM" | head -1 | sed 's/.*": "//;s/"$//')
    [ -n "$IND" ] || continue # submitted already: not editable
    if [ "$USERS" = 0 ]; then # the first lurah's value version, to prove afterwards that saves were written
      FIRST=("$COOKIE" "$UNIT" "$(grep -o 'name="version" value="[0-9]*"' <<<"$FORM" | head -1 | grep -o '[0-9]*')")
    fi
    echo "  { unit = \"$UNIT\", path = \"/Reports/Fill/$UNIT/$PERIOD?handler=Value\", cookie = \"$COOKIE\", token = \"$TOKEN\", body = \"indicatorId=$IND&value=90&note=wrk\" }," >>"$DATA/users.lua"
    USERS=$((USERS + 1))
  done
done
echo "}" >>"$DATA/users.lua"
cat "$DATA/users.lua" - >"$DATA/save.lua" <<'LUA'
-- Two wrk threads, each with its own half of the lurah. A lurah has one save in flight at a time, as in the browser
-- (htmx queues a field's saves): the answer — whose form names the unit — hands the lurah to the next request. "Tersimpan" in the answer means the value was written; another 200 is the "changed
-- meanwhile" answer; anything else failed.
threads, id = {}, 0
setup = function(thread)
  thread:set("id", id)
  id = id + 1
  table.insert(threads, thread)
end
init = function(args)
  local half = math.floor(#users / 2)
  mine, ready, byUnit, started = {}, {}, {}, 0
  for i = 1, half do
    local u = users[id * half + i]
    table.insert(mine, u)
    byUnit[u.unit] = u
  end
end
counter, saved, conflict, failed = 0, 0, 0, 0
request = function()
  -- Each connection's first request takes the next lurah (wrapping once: wrk may build one request it never sends);
  -- after that a connection saves for the lurah whose answer it just received.
  local u = table.remove(ready, 1)
  if u == nil then
    started = started + 1
    u = mine[((started - 1) % #mine) + 1]
  end
  return wrk.format("POST", u.path, { ["Content-Type"] = "application/x-www-form-urlencoded", ["RequestVerificationToken"] = u.token, ["Cookie"] = u.cookie }, u.body)
end
response = function(status, headers, body)
  if status ~= 200 then failed = failed + 1
  elseif string.find(body, "Tersimpan", 1, true) then saved = saved + 1
  else conflict = conflict + 1 end
  local unit = string.match(body, "/Reports/Fill/([%d%.]+)/")
  if unit and byUnit[unit] then table.insert(ready, byUnit[unit]) end
end
done = function(summary, latency, requests)
  local s, c, f = 0, 0, 0
  for _, t in ipairs(threads) do s = s + t:get("saved"); c = c + t:get("conflict"); f = f + t:get("failed") end
  io.write(string.format("SAVE p50=%.2fms p95=%.2fms p99=%.2fms requests=%d saved=%d conflict=%d failed=%d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests, s, c, f))
end
LUA
wrk -t2 -c64 -d2s -s "$DATA/save.lua" "http://127.0.0.1:$PORT/" >/dev/null # warm-up
SAVE=$(wrk -t2 -c64 -d"${DURATION}s" -s "$DATA/save.lua" "http://127.0.0.1:$PORT/" | grep SAVE)
AFTER=$(curl -s -H "Cookie: ${FIRST[0]}" "http://127.0.0.1:$PORT/Reports/Fill/${FIRST[1]}/$PERIOD" | grep -o 'name="version" value="[0-9]*"' | head -1 | grep -o '[0-9]*')
echo "value version of ${FIRST[1]}'s first indicator: ${FIRST[2]} before, $AFTER after (each written save adds one)"
[ "$AFTER" -gt "${FIRST[2]}" ] || { echo "saves were not written" >&2; exit 1; }

ratio() { awk -v a="$1" -v b="$TRIVIAL" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }
echo
echo "| endpoint (wrk -t2 -c64 -d${DURATION}s) | req/s | of trivial endpoint |"
echo "|---|---:|---:|"
echo "| /api/ping (trivial, same app; mean of a run before and after the pages: $TRIVIAL_FIRST, $TRIVIAL_LAST) | $TRIVIAL | 100 % |"
echo "| ranking page (30 kecamatan, map data) | $RANKING | $(ratio "$RANKING") |"
echo "| rapor page (Kecamatan Cinambo, annual) | $RAPOR | $(ratio "$RAPOR") |"
echo "| public rankings API | $PUBLIC | $(ratio "$PUBLIC") |"
echo
echo "autosave of one value, $USERS lurah at once (wrk -c64): $SAVE"
