#!/usr/bin/env bash
# Measures what the BFF adds to an API call, on this machine, in one run, beside two references:
# the stub upstream called directly (the ceiling) and the same upstream behind an nginx reverse
# proxy that adds a fixed bearer header (the floor of forwarding). Everything runs on loopback and
# every load is bounded in time. Prints every figure; nothing is typed by hand. See BENCHMARKS.md.
#
# Usage: bench/run.sh            (default run: about an hour on 2 cores; 47 minutes with BENCH_TOPOLOGIES=no)
# Knobs: BENCH_DURATION (5s), BENCH_WARMUP (30s; BENCH_WARMUP_MAX 240s), BENCH_SCALE_DURATION (10s), BENCH_CONNECTIONS (64),
#        BENCH_THREADS (2), BENCH_SESSIONS (1000), BENCH_SCALE ("1000 10000 100000"),
#        BENCH_STORES ("memory redis"), BENCH_REPEATS (3), BENCH_SMALL_HEAP ("-Xmx128m -XX:+UseSerialGC"),
#        BENCH_TOPOLOGY_SESSIONS (10000: Redis over TLS and as a cluster, beside the single node),
#        BENCH_TOPOLOGIES (yes; no leaves section 2b out), BENCH_PROFILE=1 (only a JFR profile of uncached /api/me;
#        BENCH_PROFILE=cached: of cached /api/me; =redis: uncached on the Redis store; =top: uncached
#        /api/me/top/tracks; BENCH_PROFILE_DURATION 30s), BENCH_ROUNDS (5: section 1's rounds),
#        BENCH_FORKS (3: uncached, and cached, instances in section 1, each a fresh JVM)
# Every BFF instance is warmed up (unmeasured load for BENCH_WARMUP, twice that for its first
# endpoint) before it is measured: a cold JVM answers several times slower for its first half
# minute, and that is startup, measured apart. Section 1 measures in rounds: its BFF instances
# (uncached, cached, small heap) run side by side, and each of BENCH_ROUNDS rounds measures the
# direct upstream, the nginx proxy and every instance back to back, so each ratio is taken within a
# round (the machine's speed drifts by 10-20 % within minutes) and the median of the rounds' ratios is
# reported. The uncached and the cached figures each come from BENCH_FORKS fresh JVMs side by side
# (as JMH forks): one JVM's cost per request differed from the next one's by up to 27 % (BENCHMARKS.md),
# more than the rounds' spread within it, so each round takes the median instance's run.
# Section 2 does the same for the stores (BENCH_REPEATS rounds per session count). Each
# figure's median run is printed with the spread of its runs, so noise shows instead of hiding.
# Nothing else may run meanwhile: the script refuses to start beside another BFF, wrk, Redis, nginx
# or Maven, which would take CPU from the 2 cores it measures on.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-5s}
WARMUP=${BENCH_WARMUP:-30s}
# 10 s per session-count step: with 4 s steps the memory store's 10k/1k ratio alone moved by more than
# 15 % between three consecutive runs (each step spreading 10 to 16 % within a run).
SCALE_DURATION=${BENCH_SCALE_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
SESSIONS=${BENCH_SESSIONS:-1000}
SCALE=${BENCH_SCALE:-"1000 10000 100000"}
STORES=${BENCH_STORES:-"memory redis"}
REPEATS=${BENCH_REPEATS:-3}
ROUNDS=${BENCH_ROUNDS:-5}
FORKS=${BENCH_FORKS:-3}
SMALL_HEAP=${BENCH_SMALL_HEAP:-"-Xmx128m -XX:+UseSerialGC"}
TOPOLOGY_SESSIONS=${BENCH_TOPOLOGY_SESSIONS:-10000}

for tool in nginx wrk redis-server java python3 curl openssl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx wrk redis-server" >&2; exit 1; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
others=$(pgrep -af 'quarkus-run.jar|LoginDriver|surefire|plexus-classworlds|^wrk |redis-server|nginx: master' || true)
if [ -n "$others" ]; then
  echo "other processes would share the CPU being measured; stop them first:" >&2
  echo "$others" >&2
  exit 1
fi

WORK=$(mktemp -d /tmp/bff-bench.XXXXXX)
chmod 755 "$WORK" # nginx workers run as an unprivileged user and read the bodies from here
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "$(cat "$WORK/nginx-upstream.pid" 2>/dev/null)" "$(cat "$WORK/nginx-proxy.pid" 2>/dev/null)" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
UPSTREAM=$(free_port); PROXY=$(free_port)
CLK_TCK=$(getconf CLK_TCK)

# --- Realistic bodies: a /v1/me of today's development-mode apps, a full page of 20 top tracks.
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
img = lambda n, s: {"url": f"https://i.scdn.co/image/ab67616d0000b273{n:024x}", "height": s, "width": s}
me = {"display_name": "Bench Listener", "external_urls": {"spotify": "https://open.spotify.com/user/bench"},
      "href": "https://api.spotify.com/v1/users/bench", "id": "bench", "images": [img(1, 300), img(2, 64)],
      "type": "user", "uri": "spotify:user:bench"}
def artist(i):
    return {"external_urls": {"spotify": f"https://open.spotify.com/artist/{i:022d}"},
            "href": f"https://api.spotify.com/v1/artists/{i:022d}", "id": f"{i:022d}", "name": f"Artist {i}",
            "type": "artist", "uri": f"spotify:artist:{i:022d}"}
def track(i):
    return {"album": {"album_type": "album", "artists": [artist(i)], "external_urls": {"spotify": "https://open.spotify.com/album/x"},
                      "href": "https://api.spotify.com/v1/albums/x", "id": f"{i:022d}", "images": [img(i, 640), img(i, 300), img(i, 64)],
                      "name": f"Album {i}", "release_date": "2024-05-17", "release_date_precision": "day", "total_tracks": 12,
                      "type": "album", "uri": f"spotify:album:{i:022d}"},
            "artists": [artist(i), artist(i + 100)], "disc_number": 1, "duration_ms": 180000 + i * 1000, "explicit": False,
            "external_ids": {"isrc": f"USRC1{i:07d}"}, "external_urls": {"spotify": f"https://open.spotify.com/track/{i:022d}"},
            "href": f"https://api.spotify.com/v1/tracks/{i:022d}", "id": f"{i:022d}", "is_local": False,
            "name": f"Track number {i}", "popularity": 60, "track_number": 3, "type": "track", "uri": f"spotify:track:{i:022d}"}
top = {"href": "https://api.spotify.com/v1/me/top/tracks?offset=0&limit=20", "items": [track(i) for i in range(20)],
       "limit": 20, "next": "https://api.spotify.com/v1/me/top/tracks?offset=20&limit=20", "offset": 0, "previous": None, "total": 50}
json.dump(me, open(f"{work}/me.json", "w"))
json.dump(top, open(f"{work}/top-tracks.json", "w"))
PY
# Two single-worker nginx instances, the stub upstream and the proxy, as the BFF is one process.
for part in upstream proxy; do
  port=$([ "$part" = upstream ] && echo "$UPSTREAM" || echo "$PROXY")
  sed -e "s|__PORT__|$port|g; s|__UPSTREAM_PORT__|$UPSTREAM|g; s|__WORK__|$WORK|g" "bench/nginx-$part.conf" > "$WORK/nginx-$part.conf"
  nginx -p "$WORK" -c "$WORK/nginx-$part.conf" -g 'daemon off;' 2>>"$WORK/nginx-$part-error.log" &
  PIDS+=($!)
done
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$UPSTREAM/v1/me" >/dev/null 2>&1 && break; sleep 0.05; done

declare -A R # results: R[label.field]
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system CPU of PID, in clock ticks
# ms_per_1k TICKS REQUESTS: CPU time per 1000 requests, in ms
ms_per_1k() { python3 -c "print(round($1 / $CLK_TCK * 1000 / $2 * 1000, 1))"; }
# wrk_run LABEL URL COOKIE_FILE DURATION [PID]: runs wrk, keeps rps/p50/p99/p99.9, CPU per 1000 requests of PID.
wrk_run() {
  local label=$1 url=$2 cookies=$3 duration=$4 pid=${5:-} before=0 after=0 line
  [ -n "$pid" ] && before=$(cpu_ticks "$pid")
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s -s bench/sessions.lua "$url" -- "$cookies" | grep '^RESULT')
  [ -n "$pid" ] && after=$(cpu_ticks "$pid")
  for kv in ${line#RESULT }; do R[$label.${kv%%=*}]=${kv#*=}; done
  if [ -n "$pid" ]; then
    R[$label.cpu_ms_per_1k]=$(ms_per_1k $((after - before)) "${R[$label.requests]}")
  fi
  printf '  %-34s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  errors %s\n' "$label" "${R[$label.rps]}" \
    "$(bc_ms "${R[$label.p50_us]}")" "$(bc_ms "${R[$label.p99_us]}")" "$(bc_ms "${R[$label.p999_us]}")" "${R[$label.errors]}"
  if [ "${R[$label.non2xx]}" != "0" ]; then echo "  !! $label: ${R[$label.non2xx]} answers were not 2xx" >&2; exit 1; fi
}
bc_ms() { python3 -c "print($1 / 1000)"; }
# median_label LABEL...: of the runs given, the label of the one with the median req/s (the upper
# middle of an even count)
median_label() {
  local label rpss=() i
  for label in "$@"; do rpss+=("${R[$label.rps]}"); done
  i=$(python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(sorted(range(len(v)), key=v.__getitem__)[len(v)//2] + 1)" "${rpss[@]}")
  echo "${@:$i:1}"
}
# copy_figures FROM TO: R[TO.*] := R[FROM.*], every figure a run records
copy_figures() {
  local field
  for field in requests rps p50_us p99_us p999_us errors non2xx cpu_ms_per_1k; do
    if [ -n "${R[$1.$field]:-}" ]; then R[$2.$field]=${R[$1.$field]}; fi
  done
}
# summarize LABEL N: after N runs "LABEL #1" .. "LABEL #N", R[LABEL.*] holds the median run's figures
# (by req/s) and R[LABEL.spread] (max - min) / median of req/s, in percent.
summarize() {
  local label=$1 n=$2 i runs=() rpss=()
  for i in $(seq 1 "$n"); do runs+=("$label #$i"); rpss+=("${R[$label #$i.rps]}"); done
  copy_figures "$(median_label "${runs[@]}")" "$label"
  R[$label.spread]=$(python3 -c "import sys; v=sorted(float(x) for x in sys.argv[1:]); print(round((v[-1] - v[0]) / v[len(v)//2] * 100, 1))" "${rpss[@]}")
  printf '  %-34s median %9.0f req/s, spread %s%% over %d runs\n' "$label" "${R[$label.rps]}" "${R[$label.spread]}" "$n"
}
# fork_median LABEL FORKS N: after N rounds of "LABEL, instance K #i" (K = 1..FORKS), R[LABEL #i.*] holds
# round i's median instance's figures (by req/s), so ratios taken within a round use the median JVM;
# then summarize LABEL.
fork_median() {
  local label=$1 forks=$2 n=$3 i k instances
  for i in $(seq 1 "$n"); do
    instances=()
    for k in $(seq 1 "$forks"); do instances+=("$label, instance $k #$i"); done
    copy_figures "$(median_label "${instances[@]}")" "$label #$i"
  done
  summarize "$label" "$n"
}
# rounds N DURATION SPEC...: N rounds, each measuring every SPEC ("LABEL|URL|COOKIE_FILE|PID") once, back
# to back. A ratio of two figures measured in the same round compares them on the same machine: this
# machine's speed drifts by 10 to 20 % within minutes, and two figures measured minutes apart moved
# their ratio by as much (BENCHMARKS.md). The summary reports the median of the rounds' ratios.
rounds() {
  local n=$1 duration=$2 i spec label url cookies pid; shift 2
  for i in $(seq 1 "$n"); do
    [ "$n" -gt 1 ] && [ $# -gt 1 ] && echo "  -- round $i of $n"
    for spec in "$@"; do
      IFS='|' read -r label url cookies pid <<<"$spec"
      wrk_run "$label #$i" "$url" "$cookies" "$duration" "$pid"
    done
  done
  for spec in "$@"; do summarize "${spec%%|*}" "$n"; done
}
# measure LABEL URL COOKIE_FILE DURATION [PID]: REPEATS runs of one figure back to back.
measure() { rounds "$REPEATS" "$4" "$1|$2|$3|${5:-}"; }
# warm_up URL COOKIE_FILE [DURATION]: unmeasured load for at least DURATION, then on in 10 s steps until
# three steps in a row lie within 5% of their mean (at most BENCH_WARMUP_MAX, 240s). On 2 shared cores
# the JIT needs minutes of load: a fixed 30 s, or two 5 s steps that happen to agree, left req/s
# still rising run after run (see BENCHMARKS.md). The trail of steps is printed.
warm_up() {
  local line rps trail="" steps=() elapsed max=${BENCH_WARMUP_MAX:-240s}
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3:-$WARMUP}" --timeout 5s -s bench/sessions.lua "$1" -- "$2" >/dev/null
  elapsed=${3:-$WARMUP}; elapsed=${elapsed%s}
  while [ "$elapsed" -lt "${max%s}" ]; do
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d10s --timeout 5s -s bench/sessions.lua "$1" -- "$2" | grep '^RESULT')
    rps=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
    trail="$trail ${rps%.*}"
    steps+=("$rps")
    elapsed=$((elapsed + 10))
    if [ ${#steps[@]} -ge 3 ] && python3 -c "import sys; v = [float(x) for x in sys.argv[1:]]; m = sum(v) / 3; sys.exit(0 if all(abs(x - m) / m < 0.05 for x in v) else 1)" "${steps[@]: -3}"; then
      break
    fi
  done
  echo "  warm-up ${elapsed}s, then 10 s steps (req/s):$trail"
}

BFF_PID=
STARTUP_MS=()
EXTRA_ENV=() # more variables for the next start_bff (the Redis topology and its TLS trust)
# start_bff STORE CACHE [REDIS_URL [JAVA_OPTS]]: starts the packaged app on fresh ports (BFF, MANAGEMENT;
# its pid in BFF_PID), records time to the first 200 on /q/health/ready. Several may run at once.
start_bff() {
  BFF=$(free_port); MANAGEMENT=$(free_port)
  local start=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
  local java_opts=${4:-}
  env -u CLIENT_ID -u CLIENT_SECRET -u SESSION_SECRET \
    CLIENT_ID=benchclient0000000000000000000001 CLIENT_SECRET=bench-client-secret-0123456789abcdefghij \
    SESSION_SECRET=bench-session-secret-0123456789abcdefghij REDIRECT_URI="http://127.0.0.1:$BFF/callback" \
    SPOTIFY_ACCOUNTS_URL="http://127.0.0.1:$UPSTREAM/accounts" SPOTIFY_API_URL="http://127.0.0.1:$UPSTREAM/v1" \
    PORT=$BFF MANAGEMENT_PORT=$MANAGEMENT SESSION_STORE=$1 CACHE_ENABLED=$2 REDIS_URL=${3:-redis://127.0.0.1:6379} SESSION_MAX_COUNT=200000 SESSION_MAX_PER_USER=0 \
    "${EXTRA_ENV[@]}" QUARKUS_LOG_LEVEL=WARN java $java_opts -jar target/quarkus-app/quarkus-run.jar > "$WORK/bff-$BFF.log" 2>&1 &
  BFF_PID=$!; PIDS+=("$BFF_PID")
  until curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT/q/health/ready"; do
    kill -0 "$BFF_PID" 2>/dev/null || { cat "$WORK/bff-$BFF.log" >&2; exit 1; }
    sleep 0.01
  done
  STARTUP_MS+=($(( ($(date +%s%N) - start) / 1000000 )))
}
stop_bff() { local pid=${1:-$BFF_PID}; kill "$pid"; wait "$pid" 2>/dev/null || true; }
rss_kb() { awk '/^'"$2"':/ {print $2}' "/proc/$1/status"; }
heap_used_kb() { # after a full GC
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | python3 -c "import re,sys; print(re.search(r'used (\d+)K', sys.stdin.read()).group(1))"
}
# redis_memory PORT BASELINE_USED_MEMORY N: bytes per session, two ways: MEMORY USAGE of every session
# key (key, value and Redis's per-key overhead), and the growth of used_memory since before any login.
redis_memory() {
  local keys total used
  keys=$(redis-cli -p "$1" --scan --pattern 'spotify-bff:session:*' | wc -l)
  total=$(redis-cli -p "$1" --scan --pattern 'spotify-bff:session:*' | sed 's/^/MEMORY USAGE /' | redis-cli -p "$1" \
    | awk '{ s += $1 } END { print s }')
  used=$(redis-cli -p "$1" INFO memory | awk -F: '/^used_memory:/ { print $2 + 0 }')
  R[redis.memory_usage_bytes_per_session]=$(( total / keys ))
  R[redis.used_memory_bytes_per_session]=$(( (used - $2) / $3 ))
  echo "  Redis: MEMORY USAGE $(( total / keys )) bytes per session key (mean of $keys keys); used_memory grew" \
    "$(( (used - $2) / $3 )) bytes per session over $3 sessions"
}
# topology_row NAME REDIS_URL: uncached /api/me with TOPOLOGY_SESSIONS sessions on that Redis (EXTRA_ENV set by the caller).
topology_row() {
  start_bff redis false "$2"
  login "$TOPOLOGY_SESSIONS" "$WORK/cookies-$1"
  warm_up "http://127.0.0.1:$BFF/api/me" "$WORK/cookies-$1" "$(( ${WARMUP%s} * 2 ))s"
  measure "$1, $TOPOLOGY_SESSIONS sessions" "http://127.0.0.1:$BFF/api/me" "$WORK/cookies-$1" "$SCALE_DURATION" "$BFF_PID"
  stop_bff
}
# start_redis: a plaintext redis-server on a fresh port (RPORT, RPID), no persistence, ready when it returns
start_redis() {
  RPORT=$(free_port)
  redis-server --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  RPID=$!; PIDS+=($RPID)
  until redis-cli -p "$RPORT" ping >/dev/null 2>&1; do sleep 0.05; done
}
login() { # login N OUT_FILE [PORT]: N sessions through the real login flow, on the BFF at PORT (the last started)
  java bench/LoginDriver.java "http://127.0.0.1:${3:-$BFF}" "$1" 32 "$2" | tee -a "$WORK/logins.txt" | sed 's/^/  /'
}

# BENCH_PROFILE=1: instead of the suite, one JFR recording of uncached /api/me on a warmed-up instance
# (memory store, BENCH_SESSIONS sessions), and the frames where the samples land, by self time and by
# layer. The recording covers the measured load only, not the warm-up.
# BENCH_PROFILE=cached records cached /api/me instead (the per-session cache on); BENCH_PROFILE=redis
# uncached /api/me on the Redis store (a local redis-server, whose CPU per 1000 requests is printed too);
# BENCH_PROFILE=top uncached /api/me/top/tracks (the 39.6 KB answer filtered by its allow-list).
if [ -n "${BENCH_PROFILE:-}" ]; then
  PROFILED=uncached; STORE=memory; REDIS_URL_PROFILED=; PROFILED_PATH=/api/me
  case "$BENCH_PROFILE" in
    cached) PROFILED=cached ;;
    top) PROFILED_PATH=/api/me/top/tracks ;;
    redis) STORE=redis; start_redis; REDIS_URL_PROFILED="redis://127.0.0.1:$RPORT" ;;
  esac
  echo "== JFR profile: $PROFILED $PROFILED_PATH, $STORE store, ${BENCH_PROFILE_DURATION:-30s} of load after warm-up, $SESSIONS sessions"
  # Recording from the start: a recording started later, on a warm JVM, threw req/s down fourfold for
  # longer than the load lasted (its instrumentation deoptimises compiled code); only the measured
  # load's part is dumped.
  # stackdepth 256 (64 by default): the inclusive shares need whole stacks, whose request entry
  # (Vert.x, and a tracer's hooks) lies deeper than 64 frames under the BFF's own code. DebugNonSafepoints:
  # without it a sample in inlined code is charged to the nearest safepoint's frame, which named
  # Caffeine's async-only CompletableFuture.join as a top frame of the memory store's synchronous cache.
  start_bff "$STORE" "$([ "$PROFILED" = cached ] && echo true || echo false)" "$REDIS_URL_PROFILED" \
    "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=name=bench,settings=default"
  login "$SESSIONS" "$WORK/cookies"
  warm_up "http://127.0.0.1:$BFF$PROFILED_PATH" "$WORK/cookies" "$(( ${WARMUP%s} * 2 ))s"
  [ "$STORE" = redis ] && redis_cpu_before=$(cpu_ticks "$RPID")
  recorded="BFF $PROFILED $PROFILED_PATH (recorded)"
  wrk_run "$recorded" "http://127.0.0.1:$BFF$PROFILED_PATH" "$WORK/cookies" "${BENCH_PROFILE_DURATION:-30s}" "$BFF_PID"
  jcmd "$BFF_PID" JFR.dump name=bench begin="-${BENCH_PROFILE_DURATION:-30s}" filename="$WORK/bench.jfr" >/dev/null
  echo "  CPU ${R[$recorded.cpu_ms_per_1k]} ms per 1000 requests (the BFF process, recording included)"
  if [ "$STORE" = redis ]; then
    echo "  redis-server CPU $(ms_per_1k $(($(cpu_ticks "$RPID") - redis_cpu_before)) "${R[$recorded.requests]}") ms per 1000 requests (over the recorded load, from /proc as for the BFF)"
  fi
  stop_bff
  cp "$WORK/bench.jfr" target/bench-profile.jfr
  jfr print --json --events jdk.ExecutionSample "$WORK/bench.jfr" > "$WORK/samples.json"
  python3 bench/jfr_top.py "$WORK/samples.json"
  java bench/JfrShares.java "$WORK/bench.jfr" io.opentelemetry.=OpenTelemetry io.quarkus.opentelemetry.="Quarkus OpenTelemetry" \
    io.prometheus.client.exemplars.="Prometheus exemplars" dev.spotifybff.quota.="the Spotify quota" \
    dev.spotifybff.tracing.="the BFF's spans" io.micrometer.=Micrometer io.smallrye.context.="SmallRye Context Propagation"
  exit 0
fi

echo "Spotify BFF benchmark on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "wrk: $THREADS threads, $CONNECTIONS connections; loopback; $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "== 1. The same two calls, four ways (${DURATION} each, $ROUNDS rounds, $SESSIONS sessions)"
echo "      $((2 * FORKS + 1)) BFF instances run side by side ($FORKS uncached and $FORKS cached, each a fresh JVM; one"
echo "      uncached with a small heap), each warmed up; then every round measures the direct upstream, the nginx"
echo "      proxy and the BFFs back to back. Uncached and cached figures: each round's median instance."
warm_up "http://127.0.0.1:$UPSTREAM/v1/me" - 5s
warm_up "http://127.0.0.1:$PROXY/v1/me" - 5s
# bff_instance NAME CACHE [JAVA_OPTS]: starts, logs SESSIONS sessions in, warms each endpoint up; its
# pid, port and cookie file in INSTANCE_PID/INSTANCE_PORT/INSTANCE_COOKIES[NAME].
declare -A INSTANCE_PID INSTANCE_PORT INSTANCE_COOKIES
bff_instance() {
  start_bff memory "$2" "" "${3:-}"
  INSTANCE_PID[$1]=$BFF_PID; INSTANCE_PORT[$1]=$BFF; INSTANCE_COOKIES[$1]=$WORK/cookies-$1
  [ "$1" = uncached1 ] && R[startup.rss_kb]=$(rss_kb "$BFF_PID" VmRSS)
  login "$SESSIONS" "${INSTANCE_COOKIES[$1]}"
  # the first endpoint of a fresh JVM gets twice the warm-up
  warm_up "http://127.0.0.1:$BFF/api/me" "${INSTANCE_COOKIES[$1]}" "$(( ${WARMUP%s} * 2 ))s"
  [ "$1" = small ] || warm_up "http://127.0.0.1:$BFF/api/me/top/tracks" "${INSTANCE_COOKIES[$1]}"
}
for k in $(seq 1 "$FORKS"); do
  echo "  -- uncached, instance $k of $FORKS"
  bff_instance "uncached$k" false
done
for k in $(seq 1 "$FORKS"); do
  echo "  -- cached, instance $k of $FORKS"
  bff_instance "cached$k" true
done
echo "  -- uncached, with a small heap: $SMALL_HEAP"
bff_instance small false "$SMALL_HEAP"
# spec ENDPOINT LABEL INSTANCE: a rounds spec for one BFF instance
spec() { echo "$2|http://127.0.0.1:${INSTANCE_PORT[$3]}$1|${INSTANCE_COOKIES[$3]}|${INSTANCE_PID[$3]}"; }
# forks ENDPOINT KIND: one spec per instance of KIND (uncached, cached)
forks() { for k in $(seq 1 "$FORKS"); do spec "$1" "BFF $2 $1, instance $k" "$2$k"; done; }
mapfile -t me_forks < <(forks /api/me uncached; forks /api/me cached)
mapfile -t top_forks < <(forks /api/me/top/tracks uncached; forks /api/me/top/tracks cached)
rounds "$ROUNDS" "$DURATION" \
  "direct /v1/me|http://127.0.0.1:$UPSTREAM/v1/me|-|" \
  "nginx proxy /v1/me|http://127.0.0.1:$PROXY/v1/me|-|" \
  "${me_forks[@]}" \
  "$(spec /api/me "BFF uncached /api/me, small heap" small)" \
  "direct /v1/me/top/tracks|http://127.0.0.1:$UPSTREAM/v1/me/top/tracks|-|" \
  "nginx proxy /v1/me/top/tracks|http://127.0.0.1:$PROXY/v1/me/top/tracks|-|" \
  "${top_forks[@]}"
for kind in uncached cached; do
  for endpoint in /api/me /api/me/top/tracks; do fork_median "BFF $kind $endpoint" "$FORKS" "$ROUNDS"; done
done
R[uncached.peak_rss_kb]=$(rss_kb "${INSTANCE_PID[uncached1]}" VmHWM)
R[cached.peak_rss_kb]=$(rss_kb "${INSTANCE_PID[cached1]}" VmHWM)
R[small.peak_rss_kb]=$(rss_kb "${INSTANCE_PID[small]}" VmHWM)
for name in "${!INSTANCE_PID[@]}"; do stop_bff "${INSTANCE_PID[$name]}"; done
R[rounds]=$ROUNDS; R[forks]=$FORKS
echo "  -- start with an AppCDS archive (README, \"Start\"): a training run writes it at exit, then $REPEATS starts use it"
start_bff memory false "" "-XX:ArchiveClassesAtExit=$WORK/app-cds.jsa"
unset 'STARTUP_MS[-1]' # the training run's start is slower (it records every class it loads); not a start to count
login 50 "$WORK/cookies-training"
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s bench/sessions.lua "http://127.0.0.1:$BFF/api/me" -- "$WORK/cookies-training" >/dev/null
stop_bff # the archive is written as the JVM exits
CDS_STARTUP_MS=()
for _ in $(seq 1 "$REPEATS"); do
  # -Xshare:on: a JVM that cannot use the archive refuses to start (and the run stops with its log)
  # instead of starting without it, as it silently would by default
  start_bff memory false "" "-Xshare:on -XX:SharedArchiveFile=$WORK/app-cds.jsa"
  CDS_STARTUP_MS+=("${STARTUP_MS[-1]}"); unset 'STARTUP_MS[-1]'
  stop_bff
done
echo "  ready after ${CDS_STARTUP_MS[*]} ms with the archive ($(du -m "$WORK/app-cds.jsa" | cut -f1) MB)"

echo
echo "== 2. Does the number of sessions matter? (uncached /api/me, ${SCALE_DURATION} each; one warmed-up"
echo "      instance per store, side by side, measured in turn; sessions added between the rounds)"
declare -A STORE_PID STORE_PORT
for store in $STORES; do
  redis_url=
  if [ "$store" = redis ]; then
    start_redis
    redis_url="redis://127.0.0.1:$RPORT"
    redis_baseline=$(redis-cli -p "$RPORT" INFO memory | awk -F: '/^used_memory:/ { print $2 + 0 }')
  fi
  start_bff "$store" false "$redis_url"
  STORE_PID[$store]=$BFF_PID; STORE_PORT[$store]=$BFF
  : > "$WORK/cookies-$store"
done
[ -n "${STORE_PID[memory]:-}" ] && heap_before=$(heap_used_kb "${STORE_PID[memory]}")
have=0
for n in $SCALE; do
  specs=()
  for store in $STORES; do
    echo "  -- $store store: $((n - have)) more sessions"
    login $((n - have)) "$WORK/new-cookies" "${STORE_PORT[$store]}"
    cat "$WORK/new-cookies" >> "$WORK/cookies-$store"
    # twice the usual warm-up: the first point must be as warm as the later ones for the ratio to mean anything
    [ "$n" = "${SCALE%% *}" ] && warm_up "http://127.0.0.1:${STORE_PORT[$store]}/api/me" "$WORK/cookies-$store" "$(( ${WARMUP%s} * 2 ))s"
    if [ "$store" = memory ]; then
      heap_after=$(heap_used_kb "${STORE_PID[memory]}")
      R[$store.$n.heap_bytes_per_session]=$(( (heap_after - heap_before) * 1024 / n ))
      echo "  heap after GC: $((heap_before / 1024)) MB before any login, $((heap_after / 1024)) MB with $n sessions: $(( (heap_after - heap_before) * 1024 / n )) bytes per session"
    fi
    specs+=("$store store, $n sessions|http://127.0.0.1:${STORE_PORT[$store]}/api/me|$WORK/cookies-$store|${STORE_PID[$store]}")
  done
  have=$n
  rounds "$REPEATS" "$SCALE_DURATION" "${specs[@]}"
  if [[ " $STORES " == *" redis "* ]] && [ "$n" = "$TOPOLOGY_SESSIONS" ]; then redis_memory "$RPORT" "$redis_baseline" "$n"; fi
done
for store in $STORES; do stop_bff "${STORE_PID[$store]}"; done
if [[ " $STORES " == *" redis "* ]]; then redis-cli -p "$RPORT" shutdown nosave >/dev/null 2>&1 || true; fi
R[repeats]=$REPEATS

if [[ " $STORES " == *" redis "* ]] && [ "${BENCH_TOPOLOGIES:-yes}" = yes ]; then
  echo
  echo "== 2b. Redis as operators run it (uncached /api/me, $TOPOLOGY_SESSIONS sessions, ${SCALE_DURATION} each)"
  echo "  -- over TLS (a TLS-only redis-server, certificate checked against a CA made for this run)"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/ca.key" -out "$WORK/ca.crt" -days 2 -subj "/CN=bench CA" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout "$WORK/redis.key" -out "$WORK/redis.csr" -subj "/CN=redis" 2>/dev/null
  echo "subjectAltName=IP:127.0.0.1" > "$WORK/san.ext"
  openssl x509 -req -in "$WORK/redis.csr" -CA "$WORK/ca.crt" -CAkey "$WORK/ca.key" -CAcreateserial \
    -out "$WORK/redis.crt" -days 2 -extfile "$WORK/san.ext" 2>/dev/null
  TPORT=$(free_port)
  redis-server --port 0 --tls-port "$TPORT" --tls-cert-file "$WORK/redis.crt" --tls-key-file "$WORK/redis.key" \
    --tls-ca-cert-file "$WORK/ca.crt" --tls-auth-clients no --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$WORK" >"$WORK/redis-tls.log" 2>&1 &
  TPID=$!; PIDS+=($TPID)
  until redis-cli --tls --cacert "$WORK/ca.crt" -p "$TPORT" ping >/dev/null 2>&1; do sleep 0.05; done
  EXTRA_ENV=(REDIS_TLS_CA_FILE="$WORK/ca.crt")
  topology_row "redis over TLS" "rediss://127.0.0.1:$TPORT"
  kill "$TPID"; wait "$TPID" 2>/dev/null || true
  echo "  -- a three-master cluster (redis-cli --cluster create)"
  nodes=(); cluster_pids=()
  for i in 1 2 3; do
    port=$(free_port); mkdir -p "$WORK/node$i"
    redis-server --port "$port" --cluster-enabled yes --cluster-port "$(free_port)" --cluster-config-file nodes.conf \
      --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK/node$i" >"$WORK/node$i/redis.log" 2>&1 &
    cluster_pids+=($!); PIDS+=($!); nodes+=("127.0.0.1:$port")
    until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.05; done
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
  for node in "${nodes[@]}"; do
    until redis-cli -p "${node#*:}" CLUSTER INFO | grep -q cluster_state:ok; do sleep 0.1; done
  done
  EXTRA_ENV=(REDIS_TOPOLOGY=cluster)
  topology_row "redis cluster" "$(printf 'redis://%s,' "${nodes[@]}" | sed 's/,$//')"
  EXTRA_ENV=()
  kill "${cluster_pids[@]}"; wait "${cluster_pids[@]}" 2>/dev/null || true
fi

echo
echo "== 3. Summary"
for key in "${!R[@]}"; do printf '%s\t%s\n' "$key" "${R[$key]}"; done > "$WORK/results.tsv"
python3 - "$WORK/results.tsv" "${STARTUP_MS[*]}" "$(cat "$WORK/logins.txt")" "$SCALE" "$STORES" "$TOPOLOGY_SESSIONS" "${CDS_STARTUP_MS[*]}" <<'PY'
import re, statistics, sys
results, startups, logins, scale, stores, topology_sessions, cds_startups = sys.argv[1:8]
cds_startups = [int(x) for x in cds_startups.split()]
R = dict(line.rstrip("\n").split("\t", 1) for line in open(results) if "\t" in line)
f = lambda k: float(R[k])
startups = [int(x) for x in startups.split()]
rates = [float(m) for m in re.findall(r'rate=([\d.]+)', logins)]
scale = scale.split(); stores = stores.split()
def row(name, key, base=None):
    print(f"  {name:34s} {f(key+'.rps'):9.0f} req/s (spread {R[key+'.spread']:>5s}%)  p50 {f(key+'.p50_us')/1000:6.2f}  "
          f"p99 {f(key+'.p99_us')/1000:6.2f}  p99.9 {f(key+'.p999_us')/1000:6.2f} ms"
          + (f"  CPU {R[key+'.cpu_ms_per_1k']} ms / 1000 req" if key+'.cpu_ms_per_1k' in R else ''))
med = statistics.median
# Ratios of figures measured in the same round (back to back), one per round; the median is reported.
def per_round(a, b, field="rps", rounds="rounds", diff=False):
    pairs = [(f(f"{a} #{i}.{field}"), f(f"{b} #{i}.{field}")) for i in range(1, int(R[rounds]) + 1)]
    return [(x - y) / 1000 if diff else x / y for x, y in pairs]
within = {} # endpoint -> the rounds' ratios and p99 gaps, read again by the targets below
for ep, up in (("/api/me", "/v1/me"), ("/api/me/top/tracks", "/v1/me/top/tracks")):
    print(f"{ep}:")
    row("direct", f"direct {up}"); row("nginx proxy", f"nginx proxy {up}")
    row("BFF uncached", f"BFF uncached {ep}"); row("BFF cached", f"BFF cached {ep}")
    ratios = {"BFF uncached / nginx proxy": per_round(f"BFF uncached {ep}", f"nginx proxy {up}"),
              "BFF uncached / direct": per_round(f"BFF uncached {ep}", f"direct {up}"),
              "BFF cached / nginx proxy": per_round(f"BFF cached {ep}", f"nginx proxy {up}"),
              "BFF cached / BFF uncached": per_round(f"BFF cached {ep}", f"BFF uncached {ep}")}
    gaps = per_round(f"BFF uncached {ep}", f"nginx proxy {up}", "p99_us", diff=True)
    within[ep] = ratios, gaps
    print("  ratios: " + ", ".join(f"{name} {med(v):.2f}" for name, v in ratios.items())
          + f", p99 BFF uncached - nginx proxy {med(gaps):+.2f} ms")
    print("  per round: " + "; ".join(f"{name} " + " ".join(f"{x:.2f}" for x in v) for name, v in ratios.items())
          + "; p99 gap " + " ".join(f"{x:+.2f}" for x in gaps) + " ms")
    # each fresh JVM on its own (median of its rounds): how far one instance lies from the next
    for kind in ("uncached", "cached"):
        inst = [f"BFF {kind} {ep}, instance {k}" for k in range(1, int(R["forks"]) + 1)]
        print(f"  per instance (each a fresh JVM; median of its rounds): BFF {kind} / nginx proxy "
              + " ".join(f"{med(per_round(i, f'nginx proxy {up}')):.2f}" for i in inst)
              + "; CPU " + " ".join(f"{med(f(f'{i} #{r}.cpu_ms_per_1k') for r in range(1, int(R['rounds']) + 1)):.1f}" for i in inst)
              + " ms / 1000 req")
row("BFF uncached /api/me, small heap", "BFF uncached /api/me, small heap")
small_ratio = per_round("BFF uncached /api/me, small heap", "BFF uncached /api/me")
print("  small heap / default heap, uncached /api/me req/s, per round: " + " ".join(f"{x:.2f}" for x in small_ratio))
print(f"peak RSS under load: {int(R['uncached.peak_rss_kb'])//1024} MB uncached, {int(R['cached.peak_rss_kb'])//1024} MB cached "
      f"(default heap), {int(R['small.peak_rss_kb'])//1024} MB uncached with a small heap")
print(f"JVM start to first 200 on /q/health/ready: first {startups[0]} ms, median {statistics.median(startups):.0f} ms "
      f"over {len(startups)} starts; RSS after start {int(R['startup.rss_kb'])//1024} MB")
print(f"  with an AppCDS archive: first {cds_startups[0]} ms, median {statistics.median(cds_startups):.0f} ms over {len(cds_startups)} starts")
print(f"logins through the full flow: {statistics.median(rates):.0f}/s median over {len(rates)} batches "
      f"(min {min(rates):.0f}, max {max(rates):.0f})")
for store in stores:
    base = f(f"{store} store, {scale[0]} sessions.rps")
    print(f"{store} store: " + ", ".join(f"{n} sessions {f(f'{store} store, {n} sessions.rps'):.0f} req/s "
          f"({f(f'{store} store, {n} sessions.rps')/base:.2f}x)" for n in scale))
single = f"redis store, {topology_sessions} sessions"
for name in ("redis over TLS", "redis cluster"):
    key = f"{name}, {topology_sessions} sessions"
    if key + ".rps" in R:
        row(f"{name}, {topology_sessions} sessions", key)
        if single + ".rps" in R:
            print(f"  {name} / redis single node at {topology_sessions} sessions: {f(key+'.rps')/f(single+'.rps'):.2f}x")
if "redis.memory_usage_bytes_per_session" in R:
    print(f"Redis bytes per session at {topology_sessions} sessions: MEMORY USAGE {R['redis.memory_usage_bytes_per_session']} B"
          f" per session key, used_memory {R['redis.used_memory_bytes_per_session']} B per session")
heap = [(n, R[f'memory.{n}.heap_bytes_per_session']) for n in scale if f'memory.{n}.heap_bytes_per_session' in R]
if heap:
    print("memory store heap per session after GC: " + ", ".join(f"{b} B at {n}" for n, b in heap))
print()
print("targets (issues 14 and 15; printed, not asserted; ratios are medians of the rounds' ratios):")
uncached = med(within["/api/me"][0]["BFF uncached / nginx proxy"])
top = med(within["/api/me/top/tracks"][0]["BFF uncached / nginx proxy"])
cached = med(within["/api/me"][0]["BFF cached / nginx proxy"])
p99_gap = med(within["/api/me"][1])
cpu = med(f(f"BFF uncached /api/me #{i}.cpu_ms_per_1k") for i in range(1, int(R["rounds"]) + 1))
small = med(small_ratio)
checks = [
    ("uncached /api/me req/s >= 0.35x nginx proxy", uncached >= 0.35, f"{uncached:.2f}x"),
    ("uncached /api/me CPU <= 60 ms per 1000 requests", cpu <= 60, f"{cpu:.1f} ms"),
    ("uncached /api/me p99 <= nginx proxy + 5 ms", p99_gap <= 5, f"{p99_gap:+.2f} ms"),
    ("uncached /api/me/top/tracks req/s >= 0.3x nginx proxy", top >= 0.3, f"{top:.2f}x"),
    ("cached /api/me req/s >= 0.9x nginx proxy", cached >= 0.9, f"{cached:.2f}x"),
]
mid = scale[1] if len(scale) > 1 else scale[0]
if "redis" in stores and "memory" in stores:
    rm = per_round(f"redis store, {mid} sessions", f"memory store, {mid} sessions", rounds="repeats")
    print(f"  redis / memory store at {mid} sessions, per round: " + " ".join(f"{x:.2f}" for x in rm))
    checks.append((f"redis store >= 0.8x memory store (uncached, {mid} sessions)", med(rm) >= 0.8, f"{med(rm):.2f}x"))
checks.append(("peak RSS <= 250 MB with the small heap, req/s within 10% of the default heap",
               int(R['small.peak_rss_kb']) <= 250 * 1024 and small >= 0.9,
               f"{int(R['small.peak_rss_kb'])//1024} MB, {small:.2f}x the default heap's req/s"))
for store in stores:
    lo, hi = f(f"{store} store, {scale[0]} sessions.rps"), f(f"{store} store, {scale[-1]} sessions.rps")
    checks.append((f"{store} store: req/s at {scale[-1]} sessions >= 0.9x at {scale[0]} (kept)", hi / lo >= 0.9, f"{hi/lo:.2f}x"))
if heap:
    checks.append(("memory store < 2 KB heap per session (kept)", int(heap[-1][1]) < 2048, f"{heap[-1][1]} B"))
checks.append(("JVM startup to ready < 2 s (kept), plain java -jar", startups[0] < 2000,
               f"{startups[0]} ms (first), {statistics.median(startups):.0f} ms (median)"))
checks.append(("JVM startup to ready < 2 s (kept), with the AppCDS archive README recommends", cds_startups[0] < 2000,
               f"{cds_startups[0]} ms (first), {statistics.median(cds_startups):.0f} ms (median)"))
tls, single = f"redis over TLS, {topology_sessions} sessions.rps", f"redis store, {topology_sessions} sessions.rps"
if tls in R and single in R:
    checks.append((f"Redis over TLS >= 0.85x the plaintext single node (issue 14; uncached, {topology_sessions} sessions)",
                   f(tls) / f(single) >= 0.85, f"{f(tls)/f(single):.2f}x"))
for name, ok, value in checks:
    print(f"  [{'met' if ok else 'MISSED'}] {name}: {value}")
spreads = {k[:-len('.spread')]: float(v) for k, v in R.items() if k.endswith('.spread')}
worst = max(spreads, key=spreads.get)
print(f"noise: the largest spread of one figure's repeated runs is {spreads[worst]:.1f}% ({worst})")
PY
