#!/usr/bin/env bash
# Proves that `./mvnw quarkus:dev` works as the README says, on a machine without Spotify
# credentials: starts dev mode on free ports, checks the SPA (served by Vite through Quinoa) and a
# full login with /api/me through the built-in demo Spotify, then edits a Java resource and a React
# component and sees both changes served without a restart, the session kept over the Java reload. Restores both files and stops dev mode
# whatever happens. Usage: scripts/check-dev-mode.sh   (about a minute once dependencies are cached)
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
export VITE_DEV_PORT=$(free_port)
APP="http://127.0.0.1:$PORT"
JAVA_FILE=src/main/java/dev/spotifybff/demo/DemoAccountsResource.java
TSX_FILE=webui/src/features/auth/components/LoginView.tsx
WORK=$(mktemp -d)
LOG=target/dev-mode-check.log
mkdir -p target
cp "$JAVA_FILE" "$WORK/java.bak"
cp "$TSX_FILE" "$WORK/tsx.bak"
DEV_PID=

cleanup() {
  cp "$WORK/java.bak" "$JAVA_FILE"
  cp "$WORK/tsx.bak" "$TSX_FILE"
  touch "$JAVA_FILE" "$TSX_FILE" # the next build recompiles the restored sources
  if [ -n "$DEV_PID" ]; then
    kill -- "-$DEV_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "-$DEV_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- "-$DEV_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "dev-mode check FAILED: $*" >&2; echo "--- last lines of $LOG:" >&2; tail -30 "$LOG" >&2; exit 1; }

# Poll until a URL's body contains a marker (bounded), printing nothing on the way.
await_body() { # url marker seconds
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    if curl -fsS --max-time 10 -H 'X-CSRF: 1' -b "$WORK/jar" "$1" 2>/dev/null | grep -qF -- "$2"; then return 0; fi
    sleep 1
  done
  return 1
}

# The demo login as a browser does it: /login, the demo consent page, "Continue", /callback.
demo_login() {
  rm -f "$WORK/jar"
  local authorize page field callback
  authorize=$(curl -fsS -c "$WORK/jar" -b "$WORK/jar" -o /dev/null -w '%{redirect_url}' "$APP/login")
  page=$(curl -fsS "$authorize")
  field() { echo "$page" | grep -o "name=\"$1\" value=\"[^\"]*\"" | sed 's/.*value="//; s/"$//; s/&amp;/\&/g'; }
  callback=$(curl -fsS -o /dev/null -w '%{redirect_url}' -X POST "$APP/demo-spotify/authorize" \
    --data-urlencode decision=allow --data-urlencode "redirect_uri=$(field redirect_uri)" \
    --data-urlencode "state=$(field state)" --data-urlencode "scope=$(field scope)" \
    --data-urlencode "code_challenge=$(field code_challenge)")
  curl -fsS -c "$WORK/jar" -b "$WORK/jar" -o /dev/null "$callback"
}

echo "dev mode on $APP (Vite on $VITE_DEV_PORT), log in $LOG"
setsid env -u CLIENT_ID -u CLIENT_SECRET -u SESSION_SECRET ./mvnw -B quarkus:dev \
  -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" -Dbff.redirect-uri="$APP/callback" \
  -Dquarkus.console.enabled=false > "$LOG" 2>&1 &
DEV_PID=$!
STARTED=$SECONDS

await_body "$APP/" '<div id="root">' 300 || fail "the SPA did not come up on $APP"
echo "ok: dev mode answered $((SECONDS - STARTED)) s after ./mvnw quarkus:dev started"
curl -fsS "$APP/" | grep -qF '/@vite/client' || fail "the SPA is not served by Vite's dev server (no hot reload)"
echo "ok: the SPA is served by Vite through Quinoa"
grep -qF "Demo Spotify active (no CLIENT_ID): open $APP and log in as Demo Listener" "$LOG" \
  || fail "dev mode did not say that the demo Spotify is active"
! grep -qF "Help improve Quarkus" "$LOG" || fail "dev mode asked the build-analytics question (.mvn/jvm.config)"
echo "ok: dev mode says which Spotify it uses, and asks no question"

consent=$(curl -fsS "$APP/demo-spotify/authorize?scope=user-read-private%20user-top-read&state=s&code_challenge=c&redirect_uri=$APP/callback")
echo "$consent" | grep -qF '<li><code>user-read-private</code></li><li><code>user-top-read</code></li>' \
  || fail "the demo consent page does not list the scopes one by one"
echo "$consent" | grep -qF 'rel="icon"' || fail "the demo consent page has no favicon"
curl -fsS -o /dev/null -w '%{content_type}' "$APP/demo-spotify/consent.css" | grep -q '^text/css' \
  || fail "the demo consent page's stylesheet is not served"
echo "ok: the demo consent page has the app's stylesheet, a favicon and one item per scope"

demo_login
await_body "$APP/api/me" '"display_name":"Demo Listener"' 30 || fail "/api/me did not answer through the demo Spotify"
await_body "$APP/api/me/top/tracks?time_range=short_term" '"items"' 30 || fail "/api/me/top/tracks failed"
echo "ok: login through the demo Spotify, /api/me and /api/me/top/tracks answer"

sed -i 's|<h1>Demo Spotify</h1>|<h1>Demo Spotify (live reloaded)</h1>|' "$JAVA_FILE"
await_body "$APP/demo-spotify/authorize" 'Demo Spotify (live reloaded)' 120 || fail "the Java edit was not live-reloaded"
echo "ok: a Java edit is served without a restart"
# No new login: the session made before the edit must survive the reload (DevModeSessions, DemoGrants).
await_body "$APP/api/me" '"display_name":"Demo Listener"' 30 || fail "the Java edit logged the user out"
await_body "$APP/api/me/top/tracks?time_range=short_term" '"items"' 30 \
  || fail "the demo Spotify forgot its tokens over the live reload"
echo "ok: a Java edit keeps the session (same cookie, no new login)"

sed -i 's|Log in with Spotify|Log in with Spotify (hot reloaded)|' "$TSX_FILE"
await_body "$APP/src/features/auth/components/LoginView.tsx" 'Log in with Spotify (hot reloaded)' 60 \
  || fail "the React edit was not served"
echo "ok: a React edit is served without a restart"
echo "dev-mode check passed"
