#!/usr/bin/env bash
# The test Neo4j 5.26 Community server of pftz-graph, built from Maven artifacts.
#
#   neo4j.sh jars        copy the server jars into tools/neo4j/lib (only when missing or the pom changed)
#   neo4j.sh start       start in the background, wait until Bolt answers (reuses a running one of ours)
#   neo4j.sh stop        stop it (idempotent; never fails when nothing runs)
#   neo4j.sh status      say whether it runs (exit 0) or not (exit 3)
#   neo4j.sh foreground  run in the foreground (make neo4j); Ctrl-C stops it
#
# Environment: NEO4J_BOLT_PORT (7687), NEO4J_HTTP_PORT (7474), NEO4J_RUN_DIR (tools/neo4j/run),
# NEO4J_START_TIMEOUT seconds (120), NEO4J_JAVA_OPTS (-Xmx2g), PFTZ_TEST_NEO4J_PASSWORD,
# NEO4J_BROWSER_ASSETS (docs/: the Browser style and guide the server serves at /pftz/ and loads on connect).
# The data lives under $NEO4J_RUN_DIR/data and is deleted when the server stops; NEO4J_KEEP_DATA=1
# makes start reuse (and recover) the store a killed server left there.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB="$HERE/lib"
STAMP="$LIB/.pom.sha256"
RUN_DIR="${NEO4J_RUN_DIR:-$HERE/run}"
PID_FILE="$RUN_DIR/neo4j.pid"
LOG="$RUN_DIR/neo4j.log"
DATA="$RUN_DIR/data"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
read -r -a JAVA_OPTS <<< "${NEO4J_JAVA_OPTS:--Xmx2g}"
# shellcheck source=env.sh
source "$HERE/env.sh"

die() { echo "neo4j.sh: $*" >&2; exit 1; }

jars() {
    local want
    want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
    if [[ -d "$LIB" && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
        return 0
    fi
    command -v mvn > /dev/null || die "mvn is not installed (apt-get install maven)"
    echo "neo4j.sh: fetching the Neo4j server jars into $LIB" >&2
    rm -rf "$LIB"
    (cd "$HERE" && mvn -B -q -Dstyle.color=never dependency:copy-dependencies -DoutputDirectory="$LIB") \
        || { rm -rf "$LIB"; die "mvn could not fetch the Neo4j jars"; }
    echo "$want" > "$STAMP"
}

pid_of_ours() {
    # Prints the pid of the server this run dir started, if that process still lives and is ours.
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(cat "$PID_FILE")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2> /dev/null || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q 'Launcher.java' || return 1
    echo "$pid"
}

port_open() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# The Browser's style and guide (served at /pftz/ and loaded on connect) come from the repository's docs/.
export NEO4J_BROWSER_ASSETS="${NEO4J_BROWSER_ASSETS:-$(cd "$HERE/../.." && pwd)/docs}"
# The quoted "$LIB/*" reaches java as is: java expands the wildcard in a class path itself.
LAUNCH=(java "${JAVA_OPTS[@]}" -cp "$LIB/*" "$HERE/Launcher.java" "$DATA")

start() {
    jars
    mkdir -p "$RUN_DIR"
    local pid
    if pid="$(pid_of_ours)"; then
        if grep -q '^NEO4J READY' "$LOG" 2> /dev/null && port_open "$NEO4J_BOLT_PORT"; then
            echo "neo4j.sh: reusing the running server (pid $pid) at $NEO4J_URI"
            return 0
        fi
        echo "neo4j.sh: server pid $pid does not answer; restarting it" >&2
        stop
    fi
    for port in "$NEO4J_BOLT_PORT" "$NEO4J_HTTP_PORT"; do
        port_open "$port" && die "port $port is already in use by another process (set NEO4J_BOLT_PORT / NEO4J_HTTP_PORT)"
    done
    # A server killed with SIGKILL leaves its store behind; the harness makes a fresh one each start,
    # unless NEO4J_KEEP_DATA=1 asks to start from (and recover) that store.
    [[ "${NEO4J_KEEP_DATA:-}" == 1 ]] || rm -rf "$DATA"
    : > "$LOG"
    local t0=$SECONDS
    # setsid: the server leads its own process group, so stop can end it and every child.
    setsid "${LAUNCH[@]}" >> "$LOG" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$PID_FILE"
    while ((SECONDS - t0 < START_TIMEOUT)); do
        if ! kill -0 "$pid" 2> /dev/null; then
            rm -f "$PID_FILE"
            echo "neo4j.sh: the server exited before it was ready; the end of $LOG:" >&2
            tail -n 40 "$LOG" >&2
            exit 1
        fi
        if grep -q '^NEO4J READY' "$LOG" && port_open "$NEO4J_BOLT_PORT"; then
            echo "neo4j.sh: Neo4j ready at $NEO4J_URI (http://127.0.0.1:$NEO4J_HTTP_PORT/browser/)" \
                "in $((SECONDS - t0)) s, pid $pid"
            return 0
        fi
        sleep 0.5
    done
    echo "neo4j.sh: the server was not ready after ${START_TIMEOUT} s; the end of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    stop
    exit 1
}

stop() {
    local pid
    if ! pid="$(pid_of_ours)"; then
        rm -f "$PID_FILE"
        return 0
    fi
    kill -TERM -- "-$pid" 2> /dev/null || kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2> /dev/null; then
        echo "neo4j.sh: server pid $pid ignored SIGTERM for 30 s; killing it" >&2
        kill -KILL -- "-$pid" 2> /dev/null || kill -KILL "$pid" 2> /dev/null || true
        sleep 0.5
    fi
    rm -f "$PID_FILE"
    echo "neo4j.sh: stopped the server (pid $pid)"
}

status() {
    local pid
    if pid="$(pid_of_ours)" && port_open "$NEO4J_BOLT_PORT"; then
        echo "running: pid $pid, $NEO4J_URI, http://127.0.0.1:$NEO4J_HTTP_PORT/browser/, log $LOG"
        return 0
    fi
    echo "not running"
    return 3
}

foreground() {
    jars
    if pid_of_ours > /dev/null; then
        die "a background server of this run dir is running; run '$0 stop' first"
    fi
    mkdir -p "$RUN_DIR"
    rm -rf "$DATA"
    echo "neo4j.sh: user $NEO4J_USER, password from tools/neo4j/env.sh; Ctrl-C stops the server" >&2
    exec "${LAUNCH[@]}"
}

case "${1:-}" in
    jars) jars ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    foreground) foreground ;;
    *) echo "usage: $0 {jars|start|stop|status|foreground}" >&2; exit 2 ;;
esac
