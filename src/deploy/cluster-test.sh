#!/usr/bin/env bash
# The whole topology on loopback, and what it must survive (docs/operations.md, "Cluster on loopback"):
# a MariaDB primary and a GTID replica (mariadb-primary.cnf, mariadb-replica.cnf), two app nodes of the same jar
# (the primary for writes, the replica for reports, one attendance secret), HAProxy in front (haproxy.cfg) and a
# mail catcher. A driver (src/test/.../cluster/ClusterDriver) signs trainees in through HAProxy, registers them for
# a small lecture (more trainees than seats) and a recorded one, sends the player's heartbeats while the mails go
# out, queues a bulk certificate job of some hundred certificates and kills the node working on it with kill -9
# a third into the video, and checks: no lecture over capacity, every acknowledged registration and heartbeat
# stored, no double credit, each certificate and each mail once, the interrupted job finished by the other node,
# the replica caught up, and each cluster-once job ran once (the nodes fire the report refresh every 20 s and the
# attempt sweep every 20 s here; ShedLock's debug lines in their logs say who ran it). Exits non-zero if a check
# fails.
#
#   src/deploy/cluster-test.sh [trainees (20, at most 50)] [seats of the small lecture (6)] [video seconds (60)]
#   ./mvnw -Pproduction,cluster verify -DskipTests      (the same on the jar that build makes)
#
# Needs root or sudo-less apt for the packages (Debian haproxy, mariadb-server), Java 21+ (JAVA_HOME), and ports
# CLUSTER_BASE_PORT+25/80/81/82/306/307/404 (18000 + …) free on 127.0.0.1. Everything lives in a temp folder,
# printed at the end (the databases are removed after a passing run unless KEEP_DATA=1); every process it starts is
# stopped on exit. Not part of ./mvnw test: 3-10 minutes, most of it the two nodes' first start.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TRAINEES=${1:-20}
SEATS=${2:-6}
VIDEO=${3:-60}
BASE=${CLUSTER_BASE_PORT:-18000}
SMTP_PORT=$((BASE + 25)); FRONT=$((BASE + 80)); APP1=$((BASE + 81)); APP2=$((BASE + 82))
PRIMARY=$((BASE + 306)); REPLICA=$((BASE + 307)); STATS=$((BASE + 404))
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ME=$(id -un)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/college-cluster.XXXXXX")
DB_PASSWORD=college-$RANDOM$RANDOM
REPORTS_PASSWORD=reports-$RANDOM$RANDOM
REPLICATION_PASSWORD=replication-$RANDOM$RANDOM
SECRET=$(head -c 32 /dev/urandom | base64)
# Cluster-once jobs made due within the test: the refresh on a cron both nodes share (locked 15 s of its 20), the
# sweep every 20 s per node (still locked 5 minutes); the bulk job in small chunks, so a kill lands inside one.
REFRESH_CRON='*/20 * * * * *'
PIDS=()

log() { printf '%s %s\n' "$(date +%T)" "$*"; }

stop_all() {
    local status=$?
    # newest first: HAProxy and the nodes before the databases
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        kill "${PIDS[i]}" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    if ((status == 0)) && [[ -z ${KEEP_DATA:-} ]]; then
        rm -rf "$WORK/primary" "$WORK/replica" "$WORK/shared" # some 400 MB; KEEP_DATA=1 keeps them
    fi
    log "stopped; logs in $WORK"
}
trap stop_all EXIT

wait_for() { # what, seconds, command...
    local what=$1 seconds=$2
    shift 2
    for _ in $(seq 1 "$seconds"); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 1
    done
    log "gave up waiting for $what"
    return 1
}

# ---------------------------------------------------------------- packages and the jar
missing=()
command -v haproxy >/dev/null || missing+=(haproxy)
command -v mariadbd >/dev/null || missing+=(mariadb-server)
if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
cd "$ROOT"
if [[ -z ${SKIP_BUILD:-} ]]; then
    log "building the jar (production bundle) and the driver"
    ./mvnw -q package -Pproduction -DskipTests 2>"$WORK/build.log"
fi
JAR=$(ls target/college-*.jar | grep -v original | head -1)
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" \
    >"$WORK/classpath.log" 2>&1

# ---------------------------------------------------------------- MariaDB primary and replica
start_db() { # role port
    local role=$1 port=$2
    mariadb-install-db --no-defaults --datadir="$WORK/$role" --user="$ME" --auth-root-authentication-method=socket \
        --auth-root-socket-user="$ME" --skip-test-db >"$WORK/$role-install.log" 2>&1
    mariadbd --defaults-file="$ROOT/src/deploy/mariadb-$role.cnf" --datadir="$WORK/$role" --user="$ME" \
        --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --socket="$WORK/$role.sock" \
        --pid-file="$WORK/$role.pid" --log-error="$WORK/$role.err" --innodb-buffer-pool-size=64M \
        >"$WORK/$role.out" 2>&1 &
    PIDS+=($!)
    wait_for "MariaDB $role" 60 mariadb-admin --socket="$WORK/$role.sock" -u root ping
}
sql() { mariadb --socket="$WORK/$1.sock" -u root -N -e "$2"; }

log "MariaDB primary on $PRIMARY, replica on $REPLICA"
start_db primary "$PRIMARY"
start_db replica "$REPLICA"
sql primary "CREATE USER 'replicator'@'127.0.0.1' IDENTIFIED BY '$REPLICATION_PASSWORD';
             GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'127.0.0.1';"
sql replica "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY, MASTER_USER='replicator',
               MASTER_PASSWORD='$REPLICATION_PASSWORD', MASTER_USE_GTID=slave_pos; START SLAVE;"
# Made after replication started, so the replica gets the database and the accounts from the primary's log.
sql primary "CREATE DATABASE college CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
             CREATE USER 'college'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
             GRANT ALL ON college.* TO 'college'@'127.0.0.1';
             CREATE USER 'college_reports'@'127.0.0.1' IDENTIFIED BY '$REPORTS_PASSWORD';
             GRANT SELECT ON college.* TO 'college_reports'@'127.0.0.1';"
wait_for "the replica" 30 bash -c "[[ \$(mariadb --socket='$WORK/replica.sock' -u root -N -e \"SELECT COUNT(*) FROM mysql.user WHERE user='college_reports'\") == 1 ]]"

# ---------------------------------------------------------------- mail catcher (one line per delivered Message-ID)
cat >"$WORK/catcher.py" <<'PY'
import asyncore, email, smtpd, sys
class Catcher(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        with open(sys.argv[2], "a") as out:
            out.write((email.message_from_bytes(data)["Message-ID"] or "?") + "\n")
Catcher(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
asyncore.loop()
PY
python3 -W ignore "$WORK/catcher.py" "$SMTP_PORT" "$WORK/mails.txt" >"$WORK/catcher.log" 2>&1 &
PIDS+=($!)

# ---------------------------------------------------------------- two app nodes
start_node() { # number port
    local n=$1 port=$2
    mkdir -p "$WORK/shared/videos" "$WORK/shared/evidence"
    env APP_DB_URL="jdbc:mariadb://127.0.0.1:$PRIMARY/college" APP_DB_USER=college APP_DB_PASSWORD="$DB_PASSWORD" \
        APP_REPORT_DB_URL="jdbc:mariadb://127.0.0.1:$REPLICA/college" APP_REPORT_DB_USER=college_reports \
        APP_REPORT_DB_PASSWORD="$REPORTS_PASSWORD" APP_ATTENDANCE_SECRET="$SECRET" PORT="$port" \
        SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" APP_BASE_URL="http://127.0.0.1:$FRONT" \
        SERVER_FORWARD_HEADERS_STRATEGY=native APP_VIDEO_DIR="$WORK/shared/videos" \
        APP_EVIDENCE_DIR="$WORK/shared/evidence" SPRING_PROFILES_ACTIVE=demo \
        "$JAVA" -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$JAR" --app.mail.poll-interval=1s \
        --app.certificates.bulk-poll-interval=1s --app.certificates.bulk-chunk=5 \
        "--app.reporting.refresh-cron=$REFRESH_CRON" --app.reporting.refresh-lock-at-least=PT15S \
        --app.security.attempt-sweep-interval=PT20S --app.security.attempt-sweep-initial-delay=PT20S \
        --logging.level.net.javacrumbs.shedlock.core=DEBUG \
        --logging.level.cn.tzsw.college.certificates.BulkIssueWorker=DEBUG >"$WORK/node$n.log" 2>&1 &
    PIDS+=($!)
    NODE_PID=$!
    wait_for "node $n" 400 curl -sf "http://127.0.0.1:$port/actuator/health/readiness"
    # a node's first pages are slow (classes load, code is compiled): warm it up before the clock starts
    for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$port/login"; done
}
# One after the other: the first start creates the schema and the demo data.
log "node 1 on $APP1"
start_node 1 "$APP1"
NODE1=$NODE_PID
log "node 2 on $APP2"
start_node 2 "$APP2"
NODE2=$NODE_PID

# ---------------------------------------------------------------- HAProxy
log "HAProxy on $FRONT (stats on $STATS)"
env COLLEGE_BIND="127.0.0.1:$FRONT" COLLEGE_STATS_BIND="127.0.0.1:$STATS" COLLEGE_APP1="127.0.0.1:$APP1" \
    COLLEGE_APP2="127.0.0.1:$APP2" haproxy -db -f "$ROOT/src/deploy/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
backends_up() { [[ $(curl -s "http://127.0.0.1:$STATS/;csv" | grep -c '^nodes,app[12],.*,UP,') == 2 ]]; }
wait_for "both nodes UP in HAProxy" 30 backends_up

# ---------------------------------------------------------------- drive, kill, check
log "driving $TRAINEES trainees through HAProxy"
set +e
"$JAVA" -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" cn.tzsw.college.cluster.ClusterDriver \
    "$FRONT" "$NODE1" "$NODE2" "$WORK/node1.log" "$WORK/node2.log" "jdbc:mariadb://127.0.0.1:$PRIMARY/college" \
    "jdbc:mariadb://127.0.0.1:$REPLICA/college" college "$DB_PASSWORD" "$WORK/mails.txt" "$TRAINEES" "$SEATS" \
    "$VIDEO" "$REFRESH_CRON" | tee "$WORK/driver.log"
result=${PIPESTATUS[0]}
set -e
log "HAProxy saw: $(curl -s "http://127.0.0.1:$STATS/;csv" | awk -F, '$1 == "nodes" && $2 ~ /app/ {printf "%s %s (%s sessions) ", $2, $18, $8}')"
log "ERROR lines: node 1 $(grep -c ' ERROR ' "$WORK/node1.log"), node 2 $(grep -c ' ERROR ' "$WORK/node2.log")"
exit "$result"
