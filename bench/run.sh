#!/usr/bin/env bash
# Measures what the BFF adds to an API call, on this machine, in one run, beside two references:
# the stub upstream called directly (the ceiling) and the same upstream behind an nginx reverse
# proxy that adds a fixed bearer header (the floor of forwarding). Everything runs on loopback and
# every load is bounded in time. Prints every figure; nothing is typed by hand. See BENCHMARKS.md.
#
# Usage: bench/run.sh            (default run: about 20 minutes on 2 cores)
# Knobs: BENCH_DURATION (5s), BENCH_WARMUP (30s; BENCH_WARMUP_MAX 240s), BENCH_SCALE_DURATION (10s), BENCH_CONNECTIONS (64),
#        BENCH_THREADS (2), BENCH_SESSIONS (1000), BENCH_SCALE ("1000 10000 100000"),
#        BENCH_STORES ("memory redis"), BENCH_REPEATS (3), BENCH_SMALL_HEAP ("-Xmx128m -XX:+UseSerialGC"),
#        BENCH_TOPOLOGY_SESSIONS (10000: Redis over TLS and as a cluster, beside the single node),
#        BENCH_TOPOLOGIES (yes; no leaves section 2b out), BENCH_PROFILE=1 (only a JFR profile of uncached /api/me; BENCH_PROFILE_DURATION 30s)
# Every BFF instance is warmed up (unmeasured load for BENCH_WARMUP, twice that for its first
# endpoint) before it is measured: a cold JVM answers several times slower for its first half
# minute, and that is startup, measured apart. Every figure is measured BENCH_REPEATS times back to
# back; the median run is reported, with the spread of the runs, so noise shows instead of hiding.
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
UPSTREAM=$(free_port); PROXY=$(free_port); BFF=$(free_port); MANAGEMENT=$(free_port)
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
# wrk_run LABEL URL COOKIE_FILE DURATION [PID]: runs wrk, keeps rps/p50/p99/p99.9, CPU per 1000 requests of PID.
wrk_run() {
  local label=$1 url=$2 cookies=$3 duration=$4 pid=${5:-} before=0 after=0 line
  [ -n "$pid" ] && before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s -s bench/sessions.lua "$url" -- "$cookies" | grep '^RESULT')
  [ -n "$pid" ] && after=$(awk '{print $15 + $14}' "/proc/$pid/stat")
  for kv in ${line#RESULT }; do R[$label.${kv%%=*}]=${kv#*=}; done
  if [ -n "$pid" ]; then
    R[$label.cpu_ms_per_1k]=$(python3 -c "print(round(($after - $before) / $CLK_TCK * 1000 / ${R[$label.requests]} * 1000, 1))")
  fi
  printf '  %-34s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  errors %s\n' "$label" "${R[$label.rps]}" \
    "$(bc_ms "${R[$label.p50_us]}")" "$(bc_ms "${R[$label.p99_us]}")" "$(bc_ms "${R[$label.p999_us]}")" "${R[$label.errors]}"
  if [ "${R[$label.non2xx]}" != "0" ]; then echo "  !! $label: ${R[$label.non2xx]} answers were not 2xx" >&2; exit 1; fi
}
bc_ms() { python3 -c "print($1 / 1000)"; }
# measure LABEL URL COOKIE_FILE DURATION [PID]: REPEATS runs back to back; R[LABEL.*] holds the median
# run's figures (by req/s) and R[LABEL.spread] (max - min) / median of req/s, in percent.
measure() {
  local label=$1 i rpss=() median field
  for i in $(seq 1 "$REPEATS"); do
    wrk_run "$label #$i" "$2" "$3" "$4" "${5:-}"
    rpss+=("${R[$label #$i.rps]}")
  done
  median=$(python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(sorted(range(len(v)), key=v.__getitem__)[len(v)//2] + 1)" "${rpss[@]}")
  for field in requests rps p50_us p99_us p999_us errors non2xx cpu_ms_per_1k; do
    if [ -n "${R[$label #$median.$field]:-}" ]; then R[$label.$field]=${R[$label #$median.$field]}; fi
  done
  R[$label.spread]=$(python3 -c "import sys; v=sorted(float(x) for x in sys.argv[1:]); print(round((v[-1] - v[0]) / v[len(v)//2] * 100, 1))" "${rpss[@]}")
  printf '  %-34s median %9.0f req/s, spread %s%% over %d runs\n' "$label" "${R[$label.rps]}" "${R[$label.spread]}" "$REPEATS"
}
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
# start_bff STORE CACHE [REDIS_URL [JAVA_OPTS]]: starts the packaged app, records time to the first 200 on /q/health/ready.
start_bff() {
  local start=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
  local java_opts=${4:-}
  env -u CLIENT_ID -u CLIENT_SECRET -u SESSION_SECRET \
    CLIENT_ID=benchclient0000000000000000000001 CLIENT_SECRET=bench-client-secret-0123456789abcdefghij \
    SESSION_SECRET=bench-session-secret-0123456789abcdefghij REDIRECT_URI="http://127.0.0.1:$BFF/callback" \
    SPOTIFY_ACCOUNTS_URL="http://127.0.0.1:$UPSTREAM/accounts" SPOTIFY_API_URL="http://127.0.0.1:$UPSTREAM/v1" \
    PORT=$BFF MANAGEMENT_PORT=$MANAGEMENT SESSION_STORE=$1 CACHE_ENABLED=$2 REDIS_URL=${3:-redis://127.0.0.1:6379} SESSION_MAX_COUNT=200000 SESSION_MAX_PER_USER=0 \
    "${EXTRA_ENV[@]}" QUARKUS_LOG_LEVEL=WARN java $java_opts -jar target/quarkus-app/quarkus-run.jar > "$WORK/bff.log" 2>&1 &
  BFF_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT/q/health/ready"; do
    kill -0 "$BFF_PID" 2>/dev/null || { cat "$WORK/bff.log" >&2; exit 1; }
    sleep 0.01
  done
  STARTUP_MS+=($(( ($(date +%s%N) - start) / 1000000 )))
}
stop_bff() { kill "$BFF_PID"; wait "$BFF_PID" 2>/dev/null || true; BFF_PID=; }
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
login() { # login N OUT_FILE: N sessions through the real login flow
  java bench/LoginDriver.java "http://127.0.0.1:$BFF" "$1" 32 "$2" | tee -a "$WORK/logins.txt" | sed 's/^/  /'
}

# BENCH_PROFILE=1: instead of the suite, one JFR recording of uncached /api/me on a warmed-up instance
# (memory store, BENCH_SESSIONS sessions), and the frames where the samples land, by self time and by
# layer. The recording covers the measured load only, not the warm-up.
if [ -n "${BENCH_PROFILE:-}" ]; then
  echo "== JFR profile: uncached /api/me, ${BENCH_PROFILE_DURATION:-30s} of load after warm-up, $SESSIONS sessions"
  # Recording from the start: a recording started later, on a warm JVM, threw req/s down fourfold for
  # longer than the load lasted (its instrumentation deoptimises compiled code); only the measured
  # load's part is dumped.
  # stackdepth 256 (64 by default): the inclusive shares need whole stacks, whose request entry
  # (Vert.x, and a tracer's hooks) lies deeper than 64 frames under the BFF's own code.
  start_bff memory false "" "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=name=bench,settings=default"
  login "$SESSIONS" "$WORK/cookies"
  warm_up "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "$(( ${WARMUP%s} * 2 ))s"
  wrk_run "BFF uncached /api/me (recorded)" "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "${BENCH_PROFILE_DURATION:-30s}" "$BFF_PID"
  jcmd "$BFF_PID" JFR.dump name=bench begin="-${BENCH_PROFILE_DURATION:-30s}" filename="$WORK/bench.jfr" >/dev/null
  echo "  CPU ${R[BFF uncached /api/me (recorded).cpu_ms_per_1k]} ms per 1000 requests (the BFF process, recording included)"
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
echo "== 1. The same two calls, four ways (${DURATION} x $REPEATS each, $SESSIONS sessions)"
warm_up "http://127.0.0.1:$UPSTREAM/v1/me" - 5s
measure "direct /v1/me" "http://127.0.0.1:$UPSTREAM/v1/me" - "$DURATION"
measure "direct /v1/me/top/tracks" "http://127.0.0.1:$UPSTREAM/v1/me/top/tracks" - "$DURATION"
warm_up "http://127.0.0.1:$PROXY/v1/me" - 5s
measure "nginx proxy /v1/me" "http://127.0.0.1:$PROXY/v1/me" - "$DURATION"
measure "nginx proxy /v1/me/top/tracks" "http://127.0.0.1:$PROXY/v1/me/top/tracks" - "$DURATION"

start_bff memory false
R[startup.rss_kb]=$(rss_kb "$BFF_PID" VmRSS)
login "$SESSIONS" "$WORK/cookies"
# Each endpoint is measured right after its own warm-up; the first gets twice as long (a fresh JVM).
warm_up "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "$(( ${WARMUP%s} * 2 ))s"
measure "BFF uncached /api/me" "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "$DURATION" "$BFF_PID"
warm_up "http://127.0.0.1:$BFF/api/me/top/tracks" "$WORK/cookies"
measure "BFF uncached /api/me/top/tracks" "http://127.0.0.1:$BFF/api/me/top/tracks" "$WORK/cookies" "$DURATION" "$BFF_PID"
R[uncached.peak_rss_kb]=$(rss_kb "$BFF_PID" VmHWM)
stop_bff
start_bff memory true
login "$SESSIONS" "$WORK/cookies"
warm_up "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "$(( ${WARMUP%s} * 2 ))s"
measure "BFF cached /api/me" "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "$DURATION" "$BFF_PID"
warm_up "http://127.0.0.1:$BFF/api/me/top/tracks" "$WORK/cookies"
measure "BFF cached /api/me/top/tracks" "http://127.0.0.1:$BFF/api/me/top/tracks" "$WORK/cookies" "$DURATION" "$BFF_PID"
R[cached.peak_rss_kb]=$(rss_kb "$BFF_PID" VmHWM)
stop_bff
echo "  -- with a small heap: $SMALL_HEAP"
start_bff memory false "" "$SMALL_HEAP"
login "$SESSIONS" "$WORK/cookies"
warm_up "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "$(( ${WARMUP%s} * 2 ))s"
measure "BFF uncached /api/me, small heap" "http://127.0.0.1:$BFF/api/me" "$WORK/cookies" "$DURATION" "$BFF_PID"
R[small.peak_rss_kb]=$(rss_kb "$BFF_PID" VmHWM)
stop_bff

echo
echo "== 2. Does the number of sessions matter? (uncached /api/me, ${SCALE_DURATION} each; one warmed-up"
echo "      instance per store, sessions added between the runs)"
for store in $STORES; do
  redis_url=
  if [ "$store" = redis ]; then
    RPORT=$(free_port)
    redis-server --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
    RPID=$!; PIDS+=($RPID)
    until redis-cli -p "$RPORT" ping >/dev/null 2>&1; do sleep 0.05; done
    redis_url="redis://127.0.0.1:$RPORT"
    redis_baseline=$(redis-cli -p "$RPORT" INFO memory | awk -F: '/^used_memory:/ { print $2 + 0 }')
  fi
  start_bff "$store" false "$redis_url"
  heap_before=$(heap_used_kb "$BFF_PID")
  have=0
  : > "$WORK/cookies-$store"
  for n in $SCALE; do
    login $((n - have)) "$WORK/new-cookies"
    cat "$WORK/new-cookies" >> "$WORK/cookies-$store"
    have=$n
    # twice the usual warm-up: the first point must be as warm as the later ones for the ratio to mean anything
    [ "$n" = "${SCALE%% *}" ] && warm_up "http://127.0.0.1:$BFF/api/me" "$WORK/cookies-$store" "$(( ${WARMUP%s} * 2 ))s"
    if [ "$store" = memory ]; then
      heap_after=$(heap_used_kb "$BFF_PID")
      R[$store.$n.heap_bytes_per_session]=$(( (heap_after - heap_before) * 1024 / n ))
      echo "  heap after GC: $((heap_before / 1024)) MB before any login, $((heap_after / 1024)) MB with $n sessions: $(( (heap_after - heap_before) * 1024 / n )) bytes per session"
    fi
    measure "$store store, $n sessions" "http://127.0.0.1:$BFF/api/me" "$WORK/cookies-$store" "$SCALE_DURATION" "$BFF_PID"
    if [ "$store" = redis ] && [ "$n" = "$TOPOLOGY_SESSIONS" ]; then redis_memory "$RPORT" "$redis_baseline" "$n"; fi
  done
  stop_bff
  if [ "$store" = redis ]; then redis-cli -p "$RPORT" shutdown nosave >/dev/null 2>&1 || true; fi
done

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
python3 - "$WORK/results.tsv" "${STARTUP_MS[*]}" "$(cat "$WORK/logins.txt")" "$SCALE" "$STORES" "$TOPOLOGY_SESSIONS" <<'PY'
import re, statistics, sys
results, startups, logins, scale, stores, topology_sessions = sys.argv[1:7]
R = dict(line.rstrip("\n").split("\t", 1) for line in open(results) if "\t" in line)
f = lambda k: float(R[k])
startups = [int(x) for x in startups.split()]
rates = [float(m) for m in re.findall(r'rate=([\d.]+)', logins)]
scale = scale.split(); stores = stores.split()
def row(name, key, base=None):
    print(f"  {name:34s} {f(key+'.rps'):9.0f} req/s (spread {R[key+'.spread']:>5s}%)  p50 {f(key+'.p50_us')/1000:6.2f}  "
          f"p99 {f(key+'.p99_us')/1000:6.2f}  p99.9 {f(key+'.p999_us')/1000:6.2f} ms"
          + (f"  CPU {R[key+'.cpu_ms_per_1k']} ms / 1000 req" if key+'.cpu_ms_per_1k' in R else ''))
for ep, up in (("/api/me", "/v1/me"), ("/api/me/top/tracks", "/v1/me/top/tracks")):
    print(f"{ep}:")
    row("direct", f"direct {up}"); row("nginx proxy", f"nginx proxy {up}")
    row("BFF uncached", f"BFF uncached {ep}"); row("BFF cached", f"BFF cached {ep}")
    n, u, c, d = f(f"nginx proxy {up}.rps"), f(f"BFF uncached {ep}.rps"), f(f"BFF cached {ep}.rps"), f(f"direct {up}.rps")
    print(f"  ratios: BFF uncached / nginx proxy {u/n:.2f}, BFF uncached / direct {u/d:.2f}, "
          f"BFF cached / BFF uncached {c/u:.2f}, p99 BFF uncached - nginx proxy "
          f"{(f(f'BFF uncached {ep}.p99_us') - f(f'nginx proxy {up}.p99_us'))/1000:+.2f} ms")
row("BFF uncached /api/me, small heap", "BFF uncached /api/me, small heap")
print(f"peak RSS under load: {int(R['uncached.peak_rss_kb'])//1024} MB uncached, {int(R['cached.peak_rss_kb'])//1024} MB cached "
      f"(default heap), {int(R['small.peak_rss_kb'])//1024} MB uncached with a small heap")
print(f"JVM start to first 200 on /q/health/ready: first {startups[0]} ms, median {statistics.median(startups):.0f} ms "
      f"over {len(startups)} starts; RSS after start {int(R['startup.rss_kb'])//1024} MB")
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
print("targets (issues 14 and 15; printed, not asserted):")
n, u = f("nginx proxy /v1/me.rps"), f("BFF uncached /api/me.rps")
nt, ut = f("nginx proxy /v1/me/top/tracks.rps"), f("BFF uncached /api/me/top/tracks.rps")
p99_gap = (f("BFF uncached /api/me.p99_us") - f("nginx proxy /v1/me.p99_us")) / 1000
small = f("BFF uncached /api/me, small heap.rps")
checks = [
    ("uncached /api/me req/s >= 0.35x nginx proxy", u / n >= 0.35, f"{u/n:.2f}x"),
    ("uncached /api/me CPU <= 60 ms per 1000 requests", f("BFF uncached /api/me.cpu_ms_per_1k") <= 60,
     f"{R['BFF uncached /api/me.cpu_ms_per_1k']} ms"),
    ("uncached /api/me p99 <= nginx proxy + 5 ms", p99_gap <= 5, f"{p99_gap:+.2f} ms"),
    ("uncached /api/me/top/tracks req/s >= 0.3x nginx proxy", ut / nt >= 0.3, f"{ut/nt:.2f}x"),
    ("cached /api/me req/s >= 0.9x nginx proxy", f("BFF cached /api/me.rps") / n >= 0.9, f"{f('BFF cached /api/me.rps')/n:.2f}x"),
]
mid = scale[1] if len(scale) > 1 else scale[0]
if "redis" in stores and "memory" in stores:
    r, m = f(f"redis store, {mid} sessions.rps"), f(f"memory store, {mid} sessions.rps")
    checks.append((f"redis store >= 0.8x memory store (uncached, {mid} sessions)", r / m >= 0.8, f"{r/m:.2f}x"))
checks.append(("peak RSS <= 250 MB with the small heap, req/s within 10% of the default heap",
               int(R['small.peak_rss_kb']) <= 250 * 1024 and small >= 0.9 * u,
               f"{int(R['small.peak_rss_kb'])//1024} MB, {small/u:.2f}x the default heap's req/s"))
for store in stores:
    lo, hi = f(f"{store} store, {scale[0]} sessions.rps"), f(f"{store} store, {scale[-1]} sessions.rps")
    checks.append((f"{store} store: req/s at {scale[-1]} sessions >= 0.9x at {scale[0]} (kept)", hi / lo >= 0.9, f"{hi/lo:.2f}x"))
if heap:
    checks.append(("memory store < 2 KB heap per session (kept)", int(heap[-1][1]) < 2048, f"{heap[-1][1]} B"))
checks.append(("JVM startup to ready < 2 s (kept)", startups[0] < 2000, f"{startups[0]} ms (first), {statistics.median(startups):.0f} ms (median)"))
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
