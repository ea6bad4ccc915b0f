#!/usr/bin/env bash
# The benchmark of the order service (issue #8): builds the jar, starts what is missing
# (PostgreSQL, Redis), seeds a fresh database, measures start-up, runs every scenario
# with wrk, measures the limits (pgbench on the same SQL, a trivial endpoint in the same
# app, redis-benchmark) and prints one table; JSON and Markdown go to bench/results/.
# Everything it started (app processes, its database, PostgreSQL/Redis if they were
# down) is stopped or dropped on exit. See bench/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
work=$here/work
results_dir=$here/results

usage() {
  cat <<'EOF'
Usage: bench/run.sh [options]
  --duration S        seconds of each measured run (default 30)
  --warmup S          seconds of warm-up before each measured run (default 5)
  --jit-warmup S      seconds of mixed load on the load instance before the first
                      scenario, so the JIT has compiled the hot paths (default 30)
  --pgbench-duration S  seconds of each pgbench limit run (default 20)
  --connections N     wrk connections and pgbench clients (default 32)
  --threads N         wrk threads and pgbench jobs (default 2)
  --startup-runs N    starts timed per start-up mode (default 5)
  --skip-build        do not run Maven; use --jar or the jar already in target/
  --jar PATH          the application jar to benchmark (implies --skip-build)
  --java PATH         the java to run the app with (default: Java 25 at
                      /usr/lib/jvm/temurin-25-jdk-amd64, else JAVA25_HOME)
  --jvm-opts "..."    JVM options of the app (default: the container's, see the Dockerfile:
                      -Xms192m -Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m
                      -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError; plus
                      MALLOC_ARENA_MAX=2 in the environment)
  --soak-minutes N    minutes of the soak scenario, mixed load while the data grows (default 10)
  --no-aot            do not train or time the Java 25 AOT cache
  --no-replica        skip list-orders with a read replica (a hot standby of the machine's
                      PostgreSQL made with pg_basebackup, on its own port)
  --quick             smoke run: 5 s runs, 2 s warm-ups, 1 start per mode, a smaller seed,
                      a soak of 3 "minutes" of 10 s
  --port N            the app's port (default 18080)
  --redis-db N        Redis database the app uses, flushed at start and end (default 5)
  --keep-db           do not drop the benchmark database at the end
  --no-results        do not write bench/results/ (output stays in bench/work/)
  --only "A B"        measure only these load scenarios (names as in step 4: trivial, get-order,
                      list-orders, search, create-order, add-item, transition, mixed, export,
                      overload, soak) on one start, without start-up timing, limits or report:
                      to compare one change quickly; their JSON lines are printed at the end
  --wait-quiet S      first wait up to S seconds for the 1-minute load average to fall
                      below 1.5 (other work on the machine skews every figure)
  -h, --help          this text
EOF
}

duration=30
warmup=5
jit_warmup=30
pg_duration=20
wait_quiet=0
connections=32
threads=2
startup_runs=5
skip_build=0
jar=""
java_bin=""
# What the image runs in a 512Mi pod (Dockerfile JAVA_TOOL_OPTIONS: 37.5 % of 512 MiB = 192 MiB).
jvm_opts="-Xms192m -Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError"
use_aot=1
use_replica=1
quick=0
soak_minutes=10
soak_chunk=60
port=18080
redis_db=5
keep_db=0
write_results=1
only=""

while [ $# -gt 0 ]; do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --jit-warmup) jit_warmup=$2; shift 2 ;;
    --pgbench-duration) pg_duration=$2; shift 2 ;;
    --wait-quiet) wait_quiet=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --startup-runs) startup_runs=$2; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    --jar) jar=$2; skip_build=1; shift 2 ;;
    --java) java_bin=$2; shift 2 ;;
    --jvm-opts) jvm_opts=$2; shift 2 ;;
    --no-aot) use_aot=0; shift ;;
    --no-replica) use_replica=0; shift ;;
    --quick) quick=1; shift ;;
    --soak-minutes) soak_minutes=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --redis-db) redis_db=$2; shift 2 ;;
    --keep-db) keep_db=1; shift ;;
    --no-results) write_results=0; shift ;;
    --only) only=$2; write_results=0; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

# Data set (see bench/seed.sql for the id layout the Lua scripts rely on).
users=10000
bench_users=32
per_user=3000
orders=100000
hot=250
additem=200
training_seconds=8
redis_requests=300000
if [ "$quick" -eq 1 ]; then
  duration=5
  warmup=2
  jit_warmup=5
  pg_duration=5
  startup_runs=1
  users=2000
  per_user=500
  orders=20000
  hot=100
  training_seconds=3
  redis_requests=50000
  soak_minutes=3
  soak_chunk=10
fi
# Transition orders per bench user: one order per transition request, for the AOT
# training run, the JIT warm-up, the transition scenario and the mixed scenario (warm-ups
# included). Sized for 40 transitions per second per user (1280/s with 32 users), several
# times what 2 cores reach; running out shows as 404 errors, never silently.
# The soak's transitions (5 % of its mixed load) take up to 5 per second per user more.
# The overload scenario's mixed run (at most a few hundred transitions per second) takes 10 per second per user more.
fresh=$(( 40 * (training_seconds + jit_warmup + 2 * warmup + 2 * duration) + 5 * soak_minutes * soak_chunk + 10 * duration ))

# wanted NAME: whether --only asks for the load scenario NAME (every one without --only).
wanted() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------
# Tools, services, clean-up

ensure_tools() {
  local -a missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v pgbench >/dev/null || missing+=(postgresql-client)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v redis-benchmark >/dev/null || missing+=(redis-tools)
  command -v redis-cli >/dev/null || missing+=(redis-tools)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  if [ "$skip_build" -eq 0 ]; then
    command -v mvn >/dev/null || missing+=(maven)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ -z "$java_bin" ]; then
    if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
      java_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    elif [ -n "${JAVA25_HOME:-}" ] && [ -x "$JAVA25_HOME/bin/java" ]; then
      java_bin=$JAVA25_HOME/bin/java
    else
      die "no Java 25 found: pass --java PATH or set JAVA25_HOME"
    fi
  fi
}

started_pg=""
started_redis=0
app_pid=""
db=""
db_created=0

ensure_services() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    local version
    version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -1)
    [ -n "$version" ] || die "PostgreSQL is not running on 127.0.0.1:5432 and no cluster is installed"
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    started_pg=$version
    for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    mkdir -p "$work/redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir "$work/redis" --pidfile "$work/redis/redis.pid" --logfile "$work/redis/redis.log"
    started_redis=1
    for _ in $(seq 1 40); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.25; done
  fi
}

# stop_app [SECONDS]: SIGTERM (graceful shutdown), SIGKILL after SECONDS (default 40). An
# AOT training run assembles its cache after the shutdown, which takes a while.
stop_app() {
  [ -n "$app_pid" ] || return 0
  local patience=${1:-40}
  if kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 $(( patience * 5 ))); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_app
  remove_half_core_cgroup
  stop_pair
  if [ "$db_created" -eq 1 ] && [ "$keep_db" -eq 0 ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qAtc "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 ||
      log "could not drop database $db"
  fi
  if [ "$started_redis" -eq 1 ]; then
    redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true
  elif redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    redis-cli -h 127.0.0.1 -p 6379 -n "$redis_db" flushdb >/dev/null 2>&1 || true
  fi
  if [ -n "$started_pg" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$started_pg" main stop || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

# ---------------------------------------------------------------------------------------
# Process measurements

# make_half_core_cgroup: prints the path of a cgroup with a CPU quota of 50 ms per 100 ms
# (cgroup v1 cpu controller, or v2 cpu.max); fails where none can be made.
half_core_cgroup=""
make_half_core_cgroup() {
  local v1=/sys/fs/cgroup/cpu v2=/sys/fs/cgroup
  if [ -d "$v1" ] && [ -w "$v1" ]; then
    mkdir -p "$v1/order-bench-half" 2>/dev/null || return 1
    echo 100000 >"$v1/order-bench-half/cpu.cfs_period_us" && echo 50000 >"$v1/order-bench-half/cpu.cfs_quota_us" ||
      return 1
    echo "$v1/order-bench-half"
  elif [ -f "$v2/cgroup.controllers" ] && grep -qw cpu "$v2/cgroup.controllers" && [ -w "$v2" ]; then
    echo +cpu >"$v2/cgroup.subtree_control" 2>/dev/null || true
    mkdir -p "$v2/order-bench-half" 2>/dev/null || return 1
    echo "50000 100000" >"$v2/order-bench-half/cpu.max" || return 1
    echo "$v2/order-bench-half"
  else
    return 1
  fi
}

remove_half_core_cgroup() {
  if [ -n "$half_core_cgroup" ]; then rmdir "$half_core_cgroup" 2>/dev/null || true; fi
  half_core_cgroup=""
}

# A private PostgreSQL primary and its hot standby for the read-replica runs, made with the
# machine's binaries (initdb, pg_basebackup -R, pg_ctl) in a temporary directory, each on its
# own port: the machine's own cluster is neither changed nor replicated.
pair_dir=""
primary_port=0
standby_port=0
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() {
  local dir last=""
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_basebackup" ]; then last=$dir; fi
  done
  echo "$last"
}
start_pair() {
  local bin
  bin=$(pg_bin)
  [ -n "$bin" ] || return 1
  pair_dir=$(mktemp -d /tmp/order-bench-pair.XXXXXX)
  primary_port=$(( 20000 + RANDOM % 10000 ))
  standby_port=$(( primary_port + 10000 ))
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pair_dir"; fi
  as_postgres "$bin/initdb" -D "$pair_dir/primary" -U postgres -A trust -E UTF8 >"$work/pair.log" 2>&1 || return 1
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 200\n" \
    "$primary_port" "$pair_dir" >>"$pair_dir/primary/postgresql.conf"
  as_postgres "$bin/pg_ctl" -D "$pair_dir/primary" -l "$pair_dir/primary.log" -w -t 120 start >>"$work/pair.log" 2>&1 ||
    return 1
  as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$pair_dir/standby" -R -X stream \
    >>"$work/pair.log" 2>&1 || return 1
  printf "port = %s\nhot_standby = on\nhot_standby_feedback = on\n" "$standby_port" >>"$pair_dir/standby/postgresql.conf"
  as_postgres "$bin/pg_ctl" -D "$pair_dir/standby" -l "$pair_dir/standby.log" -w -t 120 start >>"$work/pair.log" 2>&1
}

stop_pair() {
  [ -n "$pair_dir" ] || return 0
  local bin data
  bin=$(pg_bin)
  for data in "$pair_dir/standby" "$pair_dir/primary"; do
    if [ -f "$data/postmaster.pid" ]; then as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$pair_dir"
  pair_dir=""
}

clk_tck=$(getconf CLK_TCK)

# CPU time (ms) used so far by the given processes, children waited for included.
cpu_ms() {
  local total=0 pid ticks
  for pid in "$@"; do
    ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$(( total + ticks ))
  done
  echo $(( total * 1000 / clk_tck ))
}

# "busy idle" jiffies of the whole machine.
machine_jiffies() {
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat
}

db_backend_pids() {
  psql -h 127.0.0.1 -U postgres -d postgres -qAtc \
    "select pid from pg_stat_activity where datname = '$db' and pid <> pg_backend_pid()" 2>/dev/null | tr '\n' ' '
}

redis_pid() {
  redis-cli -h 127.0.0.1 -p 6379 info server 2>/dev/null | awk -F: '/^process_id:/ {print $2}' | tr -d '\r'
}

# Calls per Redis command so far, as a JSON object (INFO commandstats: the whole server).
redis_calls() {
  redis-cli -h 127.0.0.1 -p 6379 info commandstats 2>/dev/null | tr -d '\r' |
    awk -F'[:=,]' '/^cmdstat_/ {sub("cmdstat_", "", $1); printf "%s %s\n", $1, $3}' |
    jq -R -s -c 'split("\n") | map(select(length > 0) | split(" ") | {key: .[0], value: (.[1] | tonumber)}) | from_entries'
}

# Activity counters of the benchmark database so far (pg_stat_database).
pg_counters() {
  psql -h 127.0.0.1 -U postgres -d postgres -qAtc "select json_build_object('transactions', xact_commit + xact_rollback,
    'rows_returned', tup_returned, 'rows_fetched', tup_fetched, 'rows_inserted', tup_inserted,
    'rows_updated', tup_updated, 'blocks_hit', blks_hit, 'blocks_read', blks_read)
    from pg_stat_database where datname = '$db'" 2>/dev/null || echo '{}'
}

rss_kib() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }

metrics_to() { curl -fsS --max-time 5 "$base_url/metrics" -o "$1" 2>/dev/null || : >"$1"; }

# Sum of a Prometheus metric over all its series (optionally only lines matching $3).
metric_sum() {
  awk -v name="$2" -v filter="${3:-}" '
    index($0, name) == 1 && (substr($0, length(name) + 1, 1) == "{" || substr($0, length(name) + 1, 1) == " ") {
      if (filter == "" || index($0, filter) > 0) { total += $NF }
    }
    END { printf "%.6f\n", total + 0 }' "$1"
}

# Growth of a Prometheus metric (summed over its series, optionally only lines matching $4)
# from the scrape in $1 to the one in $2.
metric_delta() {
  awk -v a="$(metric_sum "$2" "$3" "${4:-}")" -v b="$(metric_sum "$1" "$3" "${4:-}")" 'BEGIN {printf "%.6f\n", a - b}'
}

# Full collections the JVM started because the code cache filled up (the JIT's code is only
# swept by a GC), from the scrape in $1 to the one in $2.
code_cache_gcs() { metric_delta "$1" "$2" jvm_gc_pause_seconds_count 'cause="CodeCache GC Threshold"'; }

# Server-side time of the API requests (not /metrics or /health polls).
api_seconds() {
  awk -v name="$2" '
    index($0, name "{") == 1 && index($0, "uri=\"/metrics\"") == 0 && index($0, "uri=\"/health") == 0 {
      total += $NF
    }
    END { printf "%.6f\n", total + 0 }' "$1"
}

# ---------------------------------------------------------------------------------------
# The app

declare -a app_env=()
ready_ms=0
ready_cpu_ms=0

# start_app MODE LOG: MODE is fat (java -jar the Boot jar), extracted (the extracted
# layout), aot-train (extracted, from Spring AOT's bean definitions, recording a Java AOT
# cache) or aot (the same with the cache: how the image starts); MODE@half runs it confined
# to half a core by a CPU quota, as a pod with cpu: 500m is.
start_app() {
  local mode=${1%@half} logfile=$2 start_ns
  local -a cmd
  read -r -a cmd <<<"$jvm_opts"
  cmd=("$java_bin" "${cmd[@]}")
  case $mode in
    fat) cmd+=(-jar "$jar") ;;
    extracted) cmd+=(-jar "$extracted_jar") ;;
    aot-train) cmd+=(-Dspring.aot.enabled=true "-XX:AOTCacheOutput=$aot_file" -jar "$extracted_jar") ;;
    aot) cmd+=(-Dspring.aot.enabled=true "-XX:AOTCache=$aot_file" -jar "$extracted_jar") ;;
    *) die "unknown start mode $mode" ;;
  esac
  cmd+=(--spring.profiles.active=bench)
  if [ "$1" != "$mode" ]; then
    # the shell joins the cgroup, then becomes the JVM (same pid, so cpu_ms still sees it)
    # shellcheck disable=SC2016 # expanded by that shell
    cmd=(sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$half_core_cgroup" "${cmd[@]}")
  fi
  start_ns=$(date +%s%N)
  env "${app_env[@]}" "${cmd[@]}" >"$logfile" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 3600); do
    if curl -fsS -o /dev/null --max-time 2 "$base_url/health/readiness" 2>/dev/null; then
      ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
      ready_cpu_ms=$(cpu_ms "$app_pid")
      return 0
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      tail -40 "$logfile" >&2
      die "the app ($mode) exited before it was ready; log: $logfile"
    fi
    sleep 0.05
  done
  die "the app ($mode) was not ready within 180 s; log: $logfile"
}

median() { sort -n | awk '{v[NR] = $1} END {if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

# ---------------------------------------------------------------------------------------
# Load generation

fresh_next=1
nonce=$(date +%s)

# run_wrk SCRIPT SECONDS RESULT_JSON [VAR=value ...]: one wrk run, its summary in RESULT_JSON.
run_wrk() {
  local script=$1 seconds=$2 result=$3
  shift 3
  env LUA_PATH="$here/lua/?.lua;;" BENCH_TOKENS="$work/tokens.lua" BENCH_THREADS="$threads" \
    BENCH_RESULT="$result" BENCH_PER_USER="$per_user" BENCH_HOT="$hot" BENCH_FRESH="$fresh" \
    BENCH_ADDITEM="$additem" BENCH_FRESH_START="$fresh_next" BENCH_NONCE="$nonce-$RANDOM" "$@" \
    wrk -t "$threads" -c "${wrk_connections:-$connections}" -d "${seconds}s" --timeout 10s -s "$here/lua/$script.lua" "$base_url" \
    >"${result%.json}.txt" 2>&1 || die "wrk failed for $script: $(tail -5 "${result%.json}.txt")"
  [ -s "$result" ] || die "wrk wrote no summary for $script (see ${result%.json}.txt)"
  local used
  used=$(jq -r '.fresh_used' "$result")
  if [ "$used" -ge "$fresh_next" ]; then
    fresh_next=$(( used + 1 ))
  fi
}

login() {
  local email token
  email=$(printf 'bench-%03d@bench.test' "$1")
  token=$(curl -fsS --max-time 10 -X POST "$base_url/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .access_token) ||
    die "login of $email failed"
  if [ -z "$token" ] || [ "$token" = null ]; then die "login of $email returned no token"; fi
  echo "$token"
}

# export_run: GET /api/orders/export of every order as the seed's administrator, one row per
# order and then one per item: rows per second, the app's CPU per row, and its RSS sampled
# every 0.1 s during each (a streamed export keeps it flat). Appends to $work/export.jsonl.
export_run() {
  : >"$work/export.jsonl"
  local email token lines rss0 peak rss start_ns ms app0 app1 rows curl_pid status
  email=$(printf 'user-%05d@bench.test' $(( 2 * bench_users + 1 )))
  token=$(curl -fsS --max-time 10 -X POST "$base_url/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .access_token) || die "login of $email failed"
  for lines in false true; do
    rss0=$(rss_kib "$app_pid" VmRSS)
    peak=$rss0
    app0=$(cpu_ms "$app_pid")
    start_ns=$(date +%s%N)
    curl -fsS --max-time 900 -H "Authorization: Bearer $token" "$base_url/api/orders/export?lines=$lines" \
      -o "$work/export.csv" &
    curl_pid=$!
    while kill -0 "$curl_pid" 2>/dev/null; do
      rss=$(rss_kib "$app_pid" VmRSS)
      [ "$rss" -le "$peak" ] || peak=$rss
      sleep 0.1
    done
    status=0
    wait "$curl_pid" || status=$?
    ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    app1=$(cpu_ms "$app_pid")
    # the seed's and the bench's orders have no notes, so one line per row
    rows=$(( $(wc -l <"$work/export.csv") - 1 ))
    [ "$status" -eq 0 ] || log "FAIL: export lines=$lines (curl exit $status)"
    jq -nc --arg run "export lines=$lines" --argjson rows "$rows" --argjson ms "$ms" --argjson status "$status" \
      --argjson bytes "$(stat -c %s "$work/export.csv")" --argjson app_ms $(( app1 - app0 )) \
      --argjson rss0 "$rss0" --argjson peak "$peak" '
      {run: $run, rows: $rows, ms: $ms, rows_per_s: (if $ms > 0 then ($rows * 1000 / $ms | round) else null end),
       mib: ($bytes / 1048576 * 10 | round / 10), app_us_per_row: (if $rows > 0 then ($app_ms * 1000 / $rows | round) else null end),
       rss_mib_before: ($rss0 / 1024 | round), rss_mib_peak: ($peak / 1024 | round), errors: (if $status == 0 then 0 else 1 end)}' \
      >>"$work/export.jsonl"
    log "$(tail -1 "$work/export.jsonl")"
    rm -f "$work/export.csv"
  done
}

# Each bench user u and its writer twin (bench_users + u) log in through the API.
login_bench_users() {
  local u reader writer
  echo "return {" >"$work/tokens.lua.tmp"
  for u in $(seq 1 "$bench_users"); do
    reader=$(login "$u")
    writer=$(login $(( bench_users + u )))
    printf '  { user = %d, token = "%s", writer_token = "%s" },\n' "$u" "$reader" "$writer" >>"$work/tokens.lua.tmp"
  done
  echo "}" >>"$work/tokens.lua.tmp"
  mv "$work/tokens.lua.tmp" "$work/tokens.lua"
}

# Reads every hot order once (curl, keep-alive, 4 users at a time) so get-order hits the cache.
prewarm_cache() {
  local u k token bad=0 first
  local -a readers=()
  for u in $(seq 1 "$bench_users"); do
    token=$(sed -n "$(( u + 1 ))p" "$work/tokens.lua" | sed 's/.*, token = "\([^"]*\)".*/\1/')
    first=$(( (u - 1) * per_user ))
    {
      printf 'header = "Authorization: Bearer %s"\n' "$token"
      for k in $(seq 1 "$hot"); do
        printf 'url = "%s/api/orders/%d"\noutput = "/dev/null"\n' "$base_url" $(( first + k ))
      done
    } >"$work/prewarm-$u.curl"
    curl -sS -K "$work/prewarm-$u.curl" -w '%{http_code}\n' >"$work/prewarm-$u.codes" 2>&1 &
    readers+=($!)
    if [ ${#readers[@]} -eq 4 ]; then wait "${readers[@]}" || true; readers=(); fi
  done
  if [ ${#readers[@]} -gt 0 ]; then wait "${readers[@]}" || true; fi
  for u in $(seq 1 "$bench_users"); do
    bad=$(( bad + $(grep -cv '^200$' "$work/prewarm-$u.codes" || true) ))
    rm -f "$work/prewarm-$u.curl" "$work/prewarm-$u.codes"
  done
  [ "$bad" -eq 0 ] || die "cache pre-warm: $bad reads did not answer 200"
}

# measure NAME SCRIPT: warm-up run, then the measured run with CPU, GC, pool and load
# figures around it; appends one JSON object to $work/scenarios.jsonl.
measure() {
  local name=$1 script=$2
  local dir=$work/runs
  mkdir -p "$dir"
  if [ "$warmup" -gt 0 ]; then
    log "$name: warm-up ${warmup}s"
    run_wrk "$script" "$warmup" "$dir/$name-warmup.json"
  fi
  log "$name: ${duration}s at $connections connections"
  local load_before pg_pids redis_p app0 pg0 redis0 m0 m1 app1 pg1 redis1 sampler log_lines
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  log_lines=$(wc -l <"$app_log")
  pg_pids=$(db_backend_pids)
  redis_p=$(redis_pid)
  metrics_to "$dir/$name-metrics-before.txt"
  redis_calls >"$dir/$name-redis-before.json"
  pg_counters >"$dir/$name-pg-before.json"
  # shellcheck disable=SC2086 # pid lists
  { app0=$(cpu_ms "$app_pid"); pg0=$(cpu_ms $pg_pids); redis0=$(cpu_ms $redis_p); m0=$(machine_jiffies); }
  (
    for point in 1 2 3; do
      sleep "$(awk -v d="$duration" 'BEGIN {print d / 4}')"
      metrics_to "$dir/$name-metrics-mid$point.txt"
    done
  ) &
  sampler=$!
  run_wrk "$script" "$duration" "$dir/$name.json"
  wait "$sampler" 2>/dev/null || true
  # backends opened during the run count from zero
  pg_pids=$(db_backend_pids)
  # shellcheck disable=SC2086
  { app1=$(cpu_ms "$app_pid"); pg1=$(cpu_ms $pg_pids); redis1=$(cpu_ms $redis_p); m1=$(machine_jiffies); }
  metrics_to "$dir/$name-metrics-after.txt"
  sleep 1 # PostgreSQL publishes a backend's counters at most once a second
  redis_calls >"$dir/$name-redis-after.json"
  pg_counters >"$dir/$name-pg-after.json"
  # Redis commands and database activity per request of the run.
  local per_request
  per_request=$(jq -n -c --argjson n "$(jq .requests "$dir/$name.json")" \
    --slurpfile rb "$dir/$name-redis-before.json" --slurpfile ra "$dir/$name-redis-after.json" \
    --slurpfile pb "$dir/$name-pg-before.json" --slurpfile pa "$dir/$name-pg-after.json" '
    def per($x): if $n > 0 then ($x / $n * 100 | round / 100) else null end;
    ($ra[0] | to_entries | map({key, value: (.value - ($rb[0][.key] // 0))}) | map(select(.value > 0))) as $cmds
    | {
        redis: {commands_per_request: per($cmds | map(.value) | add // 0),
                by_command: ($cmds | sort_by(-.value) | map({key, value: per(.value)}) | from_entries)},
        postgres: ($pa[0] | to_entries | map({key: (.key + "_per_request"), value: per(.value - ($pb[0][.key] // 0))})
                   | from_entries)
      }')
  local before=$dir/$name-metrics-before.txt after=$dir/$name-metrics-after.txt
  local gc_s gc_n gc_code alloc api_s api_n pending active point
  gc_s=$(metric_delta "$before" "$after" jvm_gc_pause_seconds_sum)
  alloc=$(metric_delta "$before" "$after" jvm_gc_memory_allocated_bytes_total)
  gc_n=$(metric_delta "$before" "$after" jvm_gc_pause_seconds_count)
  gc_code=$(code_cache_gcs "$before" "$after")
  api_s=$(awk -v a="$(api_seconds "$after" http_server_requests_seconds_sum)" -v b="$(api_seconds "$before" http_server_requests_seconds_sum)" 'BEGIN {printf "%.6f", a - b}')
  api_n=$(awk -v a="$(api_seconds "$after" http_server_requests_seconds_count)" -v b="$(api_seconds "$before" http_server_requests_seconds_count)" 'BEGIN {printf "%d", a - b}')
  pending=0
  active=0
  for point in 1 2 3; do
    local file=$dir/$name-metrics-mid$point.txt
    [ -s "$file" ] || continue
    pending=$(awk -v a="$pending" -v b="$(metric_sum "$file" hikaricp_connections_pending)" 'BEGIN {print (b > a) ? b : a}')
    active=$(awk -v a="$active" -v b="$(metric_sum "$file" hikaricp_connections_active)" 'BEGIN {print (b > a) ? b : a}')
  done
  local warm_errors=0
  if [ -s "$dir/$name-warmup.json" ]; then
    warm_errors=$(jq '.errors.non_2xx + .errors.connect + .errors.read + .errors.write + .errors.timeout' "$dir/$name-warmup.json")
  fi
  # WARN/ERROR lines the app logged during the run (e.g. Redis slower than its timeout,
  # which switches the cache and the rate limiter to their fallbacks for a while).
  local warnings
  # The app logs at the image's level (info: one access line per request), so the run's
  # lines are narrowed to WARN/ERROR before jq reads them.
  warnings=$(tail -n +"$(( log_lines + 1 ))" "$app_log" | { grep -E '"level":"(WARN|ERROR)"' || true; } | jq -R -s -c '
    split("\n") | map(fromjson? | select(.log.level == "WARN" or .log.level == "ERROR")
      | "\(.log.level) \(.log.logger): \((.message // "") | .[0:160])")
    | {count: length, distinct: (group_by(.) | map({message: .[0], count: length}) | sort_by(-.count) | .[0:5])}')
  local busy0 idle0 busy1 idle1
  read -r busy0 idle0 <<<"$m0"
  read -r busy1 idle1 <<<"$m1"
  jq -c --arg name "$name" --argjson load "$load_before" --argjson warm_errors "$warm_errors" \
    --argjson app_cpu $(( app1 - app0 )) --argjson pg_cpu $(( pg1 - pg0 )) --argjson redis_cpu $(( redis1 - redis0 )) \
    --argjson busy $(( busy1 - busy0 )) --argjson idle $(( idle1 - idle0 )) --argjson tck "$clk_tck" \
    --argjson gc_s "$gc_s" --argjson gc_n "$gc_n" --argjson gc_code "$gc_code" --argjson alloc "$alloc" --argjson api_s "$api_s" --argjson api_n "$api_n" \
    --argjson pending "$pending" --argjson active "$active" --argjson warnings "$warnings" \
    --argjson per_request "$per_request" '
    . as $r
    | ($r.errors.non_2xx + $r.errors.connect + $r.errors.read + $r.errors.write + $r.errors.timeout) as $errors
    | {
        scenario: $name,
        rps: $r.rps, requests: $r.requests, duration_s: $r.duration_s,
        latency_ms: $r.latency_ms,
        errors: $errors, warmup_errors: $warm_errors, error_detail: $r.errors, error_samples: $r.error_samples,
        load_avg_before: $load,
        cpu: {
          machine_busy_pct: (if ($busy + $idle) > 0 then ($busy * 100 / ($busy + $idle) * 10 | round / 10) else null end),
          app_ms: $app_cpu, postgres_ms: $pg_cpu, redis_ms: $redis_cpu,
          other_ms: (($busy * 1000 / $tck) - $app_cpu - $pg_cpu - $redis_cpu | round),
          app_us_per_request: (if $r.requests > 0 then ($app_cpu * 1000 / $r.requests | round) else null end),
          postgres_us_per_request: (if $r.requests > 0 then ($pg_cpu * 1000 / $r.requests | round) else null end),
          redis_us_per_request: (if $r.requests > 0 then ($redis_cpu * 1000 / $r.requests | round) else null end)
        },
        server: {
          mean_ms: (if $api_n > 0 then ($api_s * 1000 / $api_n * 100 | round / 100) else null end),
          requests: $api_n
        },
        gc: { pauses: ($gc_n | round), pause_ms: ($gc_s * 1000 | round), code_cache_threshold: ($gc_code | round),
              allocated_kb_per_request: (if $r.requests > 0 then ($alloc / 1024 / $r.requests | round) else null end) },
        hikari: { max_pending_sampled: $pending, max_active_sampled: $active },
        app_warnings: $warnings,
        per_request: $per_request
      }' "$dir/$name.json" >>"$work/scenarios.jsonl"
  local errors
  errors=$(jq -r 'select(.scenario == "'"$name"'") | .errors + .warmup_errors' "$work/scenarios.jsonl" | tail -1)
  if [ "$errors" -gt 0 ]; then
    log "FAIL: $name had $errors error(s) (non-2xx or socket): $(jq -c '.error_detail, .error_samples' "$dir/$name.json" | tr '\n' ' ')"
  fi
}

# soak: mixed load in $soak_minutes back-to-back runs of $soak_chunk seconds while the orders
# grow (its create-orders); per run req/s, p99, errors, app and database CPU per request, the
# app's RSS, the order count and the tables' dead rows, appended to $work/soak.jsonl. A service
# that slows down as data or time grows shows here, and where.
soak() {
  local i rss count app0 app1 pg0 pg1 pg_pids dead m0 m1
  : >"$work/soak.jsonl"
  for i in $(seq 1 "$soak_minutes"); do
    m0=$work/runs/soak-$i-metrics-before.txt m1=$work/runs/soak-$i-metrics-after.txt
    metrics_to "$m0"
    pg_pids=$(db_backend_pids)
    # shellcheck disable=SC2086 # pid lists
    { app0=$(cpu_ms "$app_pid"); pg0=$(cpu_ms $pg_pids); }
    run_wrk mixed "$soak_chunk" "$work/runs/soak-$i.json"
    pg_pids=$(db_backend_pids)
    # shellcheck disable=SC2086
    { app1=$(cpu_ms "$app_pid"); pg1=$(cpu_ms $pg_pids); }
    metrics_to "$m1"
    rss=$(rss_kib "$app_pid" VmRSS)
    count=$(psql_db -c 'select count(*) from pedidos')
    # dead rows left by the run's updates: the machine's PostgreSQL may run without autovacuum
    dead=$(psql_db -c "select coalesce(sum(n_dead_tup), 0) from pg_stat_user_tables")
    jq -c --argjson minute "$i" --argjson rss "$rss" --argjson orders "$count" --argjson dead "$dead" \
      --argjson app_ms $(( app1 - app0 )) --argjson pg_ms $(( pg1 - pg0 )) \
      --argjson gc_n "$(metric_delta "$m0" "$m1" jvm_gc_pause_seconds_count)" \
      --argjson gc_s "$(metric_delta "$m0" "$m1" jvm_gc_pause_seconds_sum)" \
      --argjson gc_code "$(code_cache_gcs "$m0" "$m1")" '{
        minute: $minute, rps: .rps, p99_ms: .latency_ms.p99,
        errors: (.errors.non_2xx + .errors.connect + .errors.read + .errors.write + .errors.timeout),
        app_us_per_request: (if .requests > 0 then ($app_ms * 1000 / .requests | round) else null end),
        postgres_us_per_request: (if .requests > 0 then ($pg_ms * 1000 / .requests | round) else null end),
        rss_mib: ($rss / 1024 * 10 | round / 10), orders: $orders, dead_rows: $dead,
        gc: { pauses: ($gc_n | round), pause_ms: ($gc_s * 1000 | round), code_cache_threshold: ($gc_code | round) }
      }' "$work/runs/soak-$i.json" >>"$work/soak.jsonl"
    log "soak $i/$soak_minutes: $(tail -1 "$work/soak.jsonl")"
  done
}

# overload: create-order at $connections and at 1,024 connections, and mixed at 1,024, each
# request paired with its answer (BENCH_TRACK): goodput (2xx/s), refusals/s, the latency of
# the accepted requests alone, the app's CPU, and for the create runs whether every order
# answered 201 is in the database. Appends one JSON object per run to $work/overload.jsonl.
overload_run() {
  local name=$1 script=$2 conns=$3
  local result=$work/runs/overload-$name.json app0 app1 orders0 orders1
  log "overload $name: ${duration}s of $script at $conns connections"
  orders0=$(psql_db -c 'select count(*) from pedidos')
  app0=$(cpu_ms "$app_pid")
  wrk_connections=$conns run_wrk "$script" "$duration" "$result" BENCH_TRACK=1
  app1=$(cpu_ms "$app_pid")
  orders1=$(psql_db -c 'select count(*) from pedidos')
  jq -c --arg name "$name" --arg script "$script" --argjson conns "$conns" --argjson app_ms $(( app1 - app0 )) \
    --argjson created $(( orders1 - orders0 )) '{
      run: $name, script: $script, connections: $conns,
      answers_per_s: .rps, goodput: (.answers.ok / .duration_s * 10 | round / 10),
      refused_per_s: ((.answers.unavailable + .answers.rate_limited) / .duration_s * 10 | round / 10),
      answers: .answers, socket_errors: (.errors.connect + .errors.read + .errors.write + .errors.timeout),
      other_errors: .answers.other, accepted_latency_ms: .accepted_latency_ms, latency_ms: .latency_ms,
      app_ms: $app_ms, orders_created: $created,
      lost_acknowledged_orders: (if $script == "create-order" then ([.answers.ok - $created, 0] | max) else null end)
    }' "$result" >>"$work/overload.jsonl"
  log "overload $name: $(tail -1 "$work/overload.jsonl")"
}

overload() {
  # wrk needs a descriptor per connection
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  : >"$work/overload.jsonl"
  overload_run "create-order@$connections" create-order "$connections"
  overload_run create-order@1024 create-order 1024
  overload_run mixed@1024 mixed 1024
}

# pgbench_limit NAME: pgbench on bench/sql/NAME.sql; appends one JSON object to limits.jsonl.
pgbench_limit() {
  local name=$1
  local out=$work/runs/pgbench-$name
  rm -f "$out".log*
  log "limit pgbench $name: ${pg_duration}s, $connections clients"
  local status=0
  pgbench -h 127.0.0.1 -p 5432 -U postgres -n -M prepared -c "$connections" -j "$threads" -T "$pg_duration" \
    -D n=0 -D "nonce=$nonce" -D "users=$bench_users" -D "per_user=$per_user" \
    -D "orders=$(( bench_users * per_user ))" -D "body=$order_body" \
    -l --log-prefix="$out.log" -f "$here/sql/$name.sql" "$db" >"$out.txt" 2>&1 || status=$?
  local tps failed
  tps=$(awk '/^tps = / {print $3; exit}' "$out.txt")
  failed=$(grep -c 'aborted\|error' "$out.txt" || true)
  if [ "$status" -ne 0 ] || [ -z "$tps" ]; then
    log "FAIL: pgbench $name (exit $status): $(tail -3 "$out.txt" | tr '\n' ' ')"
    tps=0
  fi
  # per-transaction log lines: client, transaction, latency (us), script, epoch s, epoch us
  cat "$out".log* 2>/dev/null | awk '{print $3}' | sort -n >"$out.latencies"
  local n p50 p99
  n=$(wc -l <"$out.latencies")
  p50=$(awk -v n="$n" 'NR == int(n * 0.50 + 0.5) {printf "%.3f", $1 / 1000; exit}' "$out.latencies")
  p99=$(awk -v n="$n" 'NR == int(n * 0.99 + 0.5) {printf "%.3f", $1 / 1000; exit}' "$out.latencies")
  rm -f "$out".log* "$out.latencies"
  jq -nc --arg name "pgbench $name" --arg script "bench/sql/$name.sql" --argjson rps "${tps:-0}" \
    --argjson p50 "${p50:-0}" --argjson p99 "${p99:-0}" --argjson n "$n" --argjson errors "$failed" \
    '{limit: $name, script: $script, rps: ($rps * 10 | round / 10), transactions: $n,
      latency_ms: {p50: $p50, p99: $p99}, errors: $errors}' >>"$work/limits.jsonl"
}

redis_limit() {
  log "limit redis-benchmark GET: $redis_requests requests, $connections clients"
  local out=$work/runs/redis-benchmark.csv
  redis-benchmark -h 127.0.0.1 -p 6379 --dbnum "$redis_db" -c "$connections" -n "$redis_requests" \
    -t set,get -d 1000 -r 100000 --csv >"$out" 2>&1 || die "redis-benchmark failed: $(tail -3 "$out")"
  redis-cli -h 127.0.0.1 -p 6379 -n "$redis_db" flushdb >/dev/null
  awk -F'","' '$1 == "\"GET" {gsub(/"/, "", $8); print $2, $5, $7}' "$out" | {
    read -r rps p50 p99
    jq -nc --argjson rps "${rps:-0}" --argjson p50 "${p50:-0}" --argjson p99 "${p99:-0}" \
      '{limit: "redis-benchmark GET", script: "redis-benchmark -t get -d 1000", rps: $rps,
        latency_ms: {p50: $p50, p99: $p99}, errors: 0}' >>"$work/limits.jsonl"
  }
}

# ---------------------------------------------------------------------------------------
# The run

# replica_runs: the two list-orders runs of step 4b (called from main, whose seed settings it uses).
replica_runs() {
  log "read replica: a private primary and hot standby (initdb, pg_basebackup -R), the same seed"
  if ! start_pair; then
    log "no private primary and standby could be made (see $work/pair.log): the read-replica runs are skipped"
    stop_pair
    return 0
  fi
  local -a saved_env=("${app_env[@]}")
  export PGPORT=$primary_port
  psql -h 127.0.0.1 -U postgres -d postgres -qAtc "create database \"$db\"" >/dev/null
  redis-cli -h 127.0.0.1 -p 6379 -n "$redis_db" flushdb >/dev/null
  app_env=("${saved_env[@]/127.0.0.1:5432/127.0.0.1:$primary_port}")
  app_log=$work/app-pair.log
  start_app "$best_mode" "$app_log" # migrates the private primary
  stop_app
  psql_db -v users="$users" -v bench_users="$bench_users" -v per_user="$per_user" -v orders="$orders" \
    -v fresh="$fresh" -v additem="$additem" -v pwhash="$hash" -f "$here/seed.sql" >/dev/null
  local name
  for name in list-orders-primary list-orders-replica; do
    if [ "$name" = list-orders-replica ]; then
      app_env+=("DATABASE_REPLICA_URL=postgresql://postgres@127.0.0.1:$standby_port/$db")
    fi
    start_app "$best_mode" "$app_log"
    login_bench_users
    if [ "$name" = list-orders-replica ]; then
      for _ in $(seq 1 120); do
        curl -fsS "$base_url/health" 2>/dev/null | jq -e '.components.replica.status == "UP"' >/dev/null && break
        sleep 0.5
      done
    fi
    # a read-only warm-up: a write would keep its user's reads on the primary for a while
    run_wrk list-orders "$jit_warmup" "$work/runs/jit-warmup-$name.json"
    measure "$name" list-orders
    log "$name: reads routed $(curl -fsS "$base_url/metrics" | grep '^db_read_routing_total' | tr '\n' ' ')"
    stop_app
  done
  app_env=("${saved_env[@]}")
  unset PGPORT
  stop_pair
}

main() {
  local started_at load_start
  if [ "$wait_quiet" -gt 0 ]; then
    local waited=0
    while awk '{exit !($1 >= 1.5)}' /proc/loadavg && [ "$waited" -lt "$wait_quiet" ]; do
      [ $(( waited % 60 )) -eq 0 ] && log "waiting for a quiet machine (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      sleep 10
      waited=$(( waited + 10 ))
    done
  fi
  started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  mkdir -p "$work" "$work/runs"
  rm -f "$work"/scenarios.jsonl "$work"/limits.jsonl "$work"/startup.jsonl "$work"/soak.jsonl "$work"/export.jsonl "$work"/runs/*
  ensure_tools
  ensure_services

  local commit dirty=false
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then dirty=true; fi

  if [ "$skip_build" -eq 0 ]; then
    log "building the image's jar (mvn -B -q -DskipTests package -Dimage)"
    (cd "$root" && mvn -B -q -DskipTests package -Dimage) >"$work/build.log" 2>&1 ||
      { tail -30 "$work/build.log" >&2; die "the build failed (log: $work/build.log)"; }
  fi
  if [ -z "$jar" ]; then
    jar=$(find "$root/target" -maxdepth 1 -name 'order-backend-*.jar' ! -name '*-plain.jar' ! -name '*.original' | head -1)
  fi
  if [ -z "$jar" ] || [ ! -f "$jar" ]; then die "no application jar (build it, or pass --jar PATH)"; fi
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  log "jar: $jar"

  extracted_dir=$work/app
  rm -rf "$extracted_dir"
  "$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$extracted_dir" >/dev/null
  extracted_jar=$extracted_dir/$(basename "$jar")
  aot_file=$work/app.aot
  rm -f "$aot_file"

  db=order_bench_$(date +%s)_$$
  psql -h 127.0.0.1 -U postgres -d postgres -qAtc "create database \"$db\"" >/dev/null
  db_created=1
  redis-cli -h 127.0.0.1 -p 6379 -n "$redis_db" flushdb >/dev/null
  base_url=http://127.0.0.1:$port
  app_env=(
    "MALLOC_ARENA_MAX=2"
    # the image's settings, its default log level (info: an access line per request) included
    "ENVIRONMENT=production" "PORT=$port"
    "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/$db"
    "REDIS_URL=redis://127.0.0.1:6379/$redis_db"
    "SECRET_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
    "RATELIMIT_DEFAULT=100000000/hour" "ACCESS_TOKEN_EXPIRE_MINUTES=1440"
  )
  log "database $db, Redis db $redis_db, app on port $port, load average $load_start"

  # 1. First start: Flyway creates the schema. Then the seed.
  log "first start (schema migration)"
  start_app fat "$work/app-migrate.log"
  local first_start_ms=$ready_ms
  stop_app
  password='Bench-Passw0rd!'
  local hash
  # htpasswd writes the $2y$ prefix; Spring's BCryptPasswordEncoder writes $2a$ (same hash).
  hash=$(htpasswd -bnBC 10 "" "$password" | tr -d ':\n')
  hash="\$2a\$${hash#\$2y\$}"
  log "seeding $users users, $orders orders (+ $(( bench_users * (fresh + additem) )) for the writers)"
  local seed_start
  seed_start=$(date +%s)
  psql_db -v users="$users" -v bench_users="$bench_users" -v per_user="$per_user" -v orders="$orders" \
    -v fresh="$fresh" -v additem="$additem" -v pwhash="$hash" -f "$here/seed.sql" >/dev/null
  local seed_s=$(( $(date +%s) - seed_start ))
  order_body=$(jq -c . <<'EOF'
{"id":100000001,"user_id":1,"status":"PENDING","currency":"USD","items":[
 {"id":800000008,"order_id":100000001,"name":"Bench widget","sku":"BW-1","quantity":2,"unit_price":19.99,"line_total":39.98},
 {"id":800000009,"order_id":100000001,"name":"Bench gadget","sku":"BG-2","quantity":1,"unit_price":149.50,"line_total":149.50},
 {"id":800000010,"order_id":100000001,"name":"Bench cable","sku":"BC-3","quantity":5,"unit_price":3.25,"line_total":16.25}],
 "item_count":3,"total":205.73,"notes":null,"created_at":"2026-11-24T02:20:31.551492038Z",
 "updated_at":"2026-11-24T02:20:31.551492038Z","version":0,"allowed_transitions":["CONFIRMED","CANCELLED"]}
EOF
)

  # 2. Training start (records the AOT cache when enabled): log in, a short mixed load.
  local aot_ok=false
  if [ "$use_aot" -eq 1 ]; then
    log "AOT training run (${training_seconds}s of mixed load)"
    start_app aot-train "$work/app-train.log"
  else
    start_app fat "$work/app-train.log"
  fi
  login_bench_users
  run_wrk trivial 2 "$work/runs/training-trivial.json"
  run_wrk mixed "$training_seconds" "$work/runs/training-mixed.json"
  stop_app 600
  if [ "$use_aot" -eq 1 ] && [ -s "$aot_file" ]; then
    aot_ok=true
  elif [ "$use_aot" -eq 1 ]; then
    log "no AOT cache was written (see $work/app-train.log); timing the plain start only"
  fi

  # 3. Start-up to ready, alternating the modes so both see the same machine load; then each
  # confined to half a core (fewer runs: they take several times longer).
  local -a modes=(fat)
  if [ "$aot_ok" = true ]; then modes+=(aot); fi
  local -a half_modes=()
  if half_core_cgroup=$(make_half_core_cgroup); then
    half_modes=("${modes[@]/%/@half}")
  else
    log "no CPU quota possible here (needs root and a cgroup cpu controller): half-core starts not timed"
  fi
  local i mode
  [ -z "$only" ] || startup_runs=0
  for i in $(seq 1 "$startup_runs"); do
    for mode in "${modes[@]}" "${half_modes[@]}"; do
      if [ "$mode" != "${mode%@half}" ] && [ "$i" -gt $(( (startup_runs + 1) / 2 )) ]; then continue; fi
      start_app "$mode" "$work/app-start-$mode-$i.log"
      log "start-up $mode #$i: ready in ${ready_ms} ms (${ready_cpu_ms} ms CPU)"
      jq -nc --arg mode "$mode" --argjson ms "$ready_ms" --argjson cpu "$ready_cpu_ms" \
        '{mode: $mode, ready_ms: $ms, cpu_ms: $cpu}' >>"$work/startup.jsonl"
      stop_app
    done
  done
  remove_half_core_cgroup
  local best_mode=fat best_ms=999999999 ms
  if [ -n "$only" ]; then
    best_mode=${modes[-1]}
  else
    for mode in "${modes[@]}"; do
      ms=$(jq -r "select(.mode == \"$mode\") | .ready_ms" "$work/startup.jsonl" | median)
      if [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; best_mode=$mode; fi
    done
    log "start-up median: $best_mode ${best_ms} ms (the load runs use this mode)"
  fi

  # 4. The scenarios, on one app instance.
  app_log=$work/app-load.log
  start_app "$best_mode" "$app_log"
  log "app ready (pid $app_pid); pre-warming the order cache ($(( bench_users * hot )) orders)"
  prewarm_cache
  if [ "$jit_warmup" -gt 0 ]; then
    log "JIT warm-up: ${jit_warmup}s of mixed load"
    run_wrk mixed "$jit_warmup" "$work/runs/jit-warmup-mixed.json"
  fi
  : >"$work/overload.jsonl"
  : >"$work/soak.jsonl"
  local scenario
  for scenario in trivial get-order list-orders search create-order add-item transition mixed; do
    if wanted "$scenario"; then measure "$scenario" "$scenario"; fi
  done
  if wanted export; then export_run; fi
  if wanted overload; then overload; fi
  if wanted soak; then
    log "soak: $soak_minutes runs of ${soak_chunk}s of mixed load"
    soak
  fi
  local rss hwm rss_anon rss_file
  rss=$(rss_kib "$app_pid" VmRSS)
  hwm=$(rss_kib "$app_pid" VmHWM)
  rss_anon=$(rss_kib "$app_pid" RssAnon)
  rss_file=$(rss_kib "$app_pid" RssFile)
  metrics_to "$work/runs/metrics-final.txt"
  "$java_bin" -version >"$work/java-version.txt" 2>&1
  stop_app

  if [ -n "$only" ]; then
    log "--only $only: the runs' figures (no limits, no report)"
    cat "$work/scenarios.jsonl" "$work/overload.jsonl" "$work/soak.jsonl" 2>/dev/null || true
    if [ -s "$work/export.jsonl" ] && wanted export; then cat "$work/export.jsonl"; fi
    return 0
  fi

  # 4b. list-orders on a private primary, without and then with its hot standby as the read
  # replica (DATABASE_REPLICA_URL): the cost of the routing on one machine, where the standby
  # shares the cores with everything else.
  if [ "$use_replica" -eq 1 ]; then
    replica_runs
  fi

  # 5. The limits that do not need the app.
  for name in create-order get-order list-orders search add-item transition; do
    pgbench_limit "$name"
  done
  redis_limit

  # 6. Report.
  local java_version pg_version redis_version wrk_version cpu_model mem_total kernel
  java_version=$(head -1 "$work/java-version.txt")
  pg_version=$(psql -h 127.0.0.1 -U postgres -d postgres -qAtc 'show server_version')
  redis_version=$(redis-cli -h 127.0.0.1 -p 6379 info server | awk -F: '/^redis_version:/ {print $2}' | tr -d '\r')
  wrk_version=$(wrk --version 2>&1 | head -1 | awk '{print $2}' || true)
  cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
  mem_total=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
  kernel=$(uname -r)
  local pg_settings
  pg_settings=$(psql -h 127.0.0.1 -U postgres -d postgres -qAtc "select json_object_agg(name, setting) from pg_settings
    where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'autovacuum', 'work_mem')")
  local timestamp result_json
  timestamp=$(date -u +%Y%m%dT%H%M%SZ)
  result_json=$work/result.json
  jq -n \
    --arg started_at "$started_at" --arg finished_at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --arg commit "$commit" --argjson dirty "$dirty" --arg jar "$jar" \
    --arg jar_sha "$(sha256sum "$jar" | cut -c1-16)" \
    --argjson nproc "$(nproc)" --arg cpu "$cpu_model" --arg mem "$mem_total" --arg kernel "$kernel" \
    --arg java "$java_version" --arg pg "$pg_version" --argjson pg_settings "$pg_settings" \
    --arg redis "$redis_version" --arg wrk "$wrk_version" --arg load "$load_start" \
    --arg jvm_opts "$jvm_opts" --arg best_mode "$best_mode" --argjson first_start "$first_start_ms" \
    --argjson duration "$duration" --argjson warmup "$warmup" --argjson connections "$connections" \
    --argjson threads "$threads" --argjson quick "$quick" --argjson seed_s "$seed_s" \
    --argjson users "$users" --argjson bench_users "$bench_users" --argjson per_user "$per_user" \
    --argjson orders "$orders" --argjson hot "$hot" --argjson fresh "$fresh" --argjson additem "$additem" \
    --argjson rss "$rss" --argjson hwm "$hwm" --argjson rss_anon "$rss_anon" --argjson rss_file "$rss_file" \
    --argjson jit_warmup "$jit_warmup" --argjson pg_duration "$pg_duration" \
    --slurpfile scenarios "$work/scenarios.jsonl" --slurpfile limits "$work/limits.jsonl" \
    --slurpfile startup "$work/startup.jsonl" --slurpfile soak "$work/soak.jsonl" \
    --slurpfile overload "$work/overload.jsonl" --slurpfile export "$work/export.jsonl" \
    -f "$here/report.jq" >"$result_json"
  jq -r -f "$here/table.jq" "$result_json" >"$work/result.md"
  cat "$work/result.md"
  if [ "$write_results" -eq 1 ]; then
    mkdir -p "$results_dir"
    cp "$result_json" "$results_dir/$timestamp-$commit.json"
    cp "$work/result.md" "$results_dir/latest.md"
    log "results: bench/results/$timestamp-$commit.json and bench/results/latest.md"
  fi
  if jq -e '.scenarios | map(select(.errors + .warmup_errors > 0)) | length > 0' "$result_json" >/dev/null ||
    jq -e '.soak.runs | map(select(.errors > 0)) | length > 0' "$result_json" >/dev/null ||
    jq -e '.overload.runs | map(select(.other_errors + .socket_errors > 0 or (.lost_acknowledged_orders // 0) > 0))
      | length > 0' "$result_json" >/dev/null ||
    jq -e '.limits | map(select(.errors > 0 or .rps == 0)) | length > 0' "$result_json" >/dev/null; then
    log "FAILED: a scenario or limit had errors (see the table)"
    exit 1
  fi
}

main
