#!/usr/bin/env bash
# Checks the monitoring kit (monitoring/) against a running order-backend:
#
#   .ci/check-monitoring.sh http://127.0.0.1:8000
#
# 1. promtool check config / check rules / test rules; the Grafana dashboard is
#    valid JSON and uses the provisioned data source (uid "prometheus").
# 2. Drives a little API traffic (register, login, orders, a status change),
#    scrapes /metrics and lints it with promtool check metrics (findings are
#    reported; only a parse error fails).
# 3. Starts a real Prometheus (Debian package, installed when missing) on a free
#    loopback port with a copy of monitoring/prometheus.yml whose order-backend
#    job scrapes the given app every 2 s, waits for the target to be up, then
#    runs every dashboard expression and every alert expression through its
#    query API (each must be a valid query; a list of core ones must return
#    data), checks that every metric name they use is one the app exposes, and
#    that Prometheus evaluated every alert rule without error.
#
# With METRICS_TOKEN set in the environment (as the app has it), /metrics is
# read with that bearer token and Prometheus is given it as a credentials file.
# Prints PASS/FAIL per check; exits 1 if any failed. Needs curl and python3
# (with PyYAML, installed as python3-yaml when missing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if [[ $# -ne 1 || ! $1 =~ ^https?://[^/]+ ]]; then
  echo "usage: $0 http://HOST:PORT   (base URL of a running order-backend)" >&2
  exit 2
fi
BASE_URL=${1%/}
DASHBOARD=monitoring/grafana/dashboards/order-backend.json
STARTED=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-monitoring.XXXXXX")
PROM_PID=
FAILED=0

cleanup() {
  if [[ -n $PROM_PID ]]; then
    kill "$PROM_PID" 2>/dev/null || true
    wait "$PROM_PID" 2>/dev/null || true
  fi
  rm -rf -- "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; FAILED=$((FAILED + 1)); }

# check NAME COMMAND...: runs the command, indents its output, PASS or FAIL.
check() {
  local name=$1 status=0
  shift
  "$@" >"$WORK/check.out" 2>&1 || status=$?
  sed 's/^/    /' "$WORK/check.out"
  if [[ $status -eq 0 ]]; then pass "$name"; else fail "$name"; fi
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "need root (or sudo) to run: $*" >&2
    return 1
  fi
}

install_tools() {
  local -a packages=()
  command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || packages+=(prometheus)
  command -v amtool >/dev/null 2>&1 || packages+=(prometheus-alertmanager)
  command -v curl >/dev/null 2>&1 || packages+=(curl)
  python3 -c 'import yaml' 2>/dev/null || packages+=(python3-yaml)
  if ((${#packages[@]} > 0)); then
    echo "installing: ${packages[*]}"
    # The package's own service (if its init system starts one) is not used:
    # this script runs its own prometheus process on a free port.
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 \
      apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  fi
  prometheus --version 2>&1 | head -n1
}

# --- static checks ------------------------------------------------------------------

check_dashboard_json() {
  python3 - "$DASHBOARD" <<'PY'
import json, sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    dash = json.load(f)

def walk(panels):
    for panel in panels:
        yield panel
        yield from walk(panel.get("panels", []))

problems = []
panels = [p for p in walk(dash["panels"]) if p.get("type") != "row"]
targets = 0
for panel in panels:
    if panel.get("datasource", {}).get("uid") != "prometheus":
        problems.append(f"panel {panel.get('title')!r} does not use data source uid prometheus")
    for target in panel.get("targets", []):
        targets += 1
        if target.get("datasource", {}).get("uid") != "prometheus":
            problems.append(f"a target of {panel.get('title')!r} does not use data source uid prometheus")
        if not target.get("expr", "").strip():
            problems.append(f"a target of {panel.get('title')!r} has no expression")
variables = {v["name"] for v in dash.get("templating", {}).get("list", [])}
if "instance" not in variables:
    problems.append("no templating variable 'instance'")
if not dash.get("uid") or not isinstance(dash.get("schemaVersion"), int):
    problems.append("uid or schemaVersion missing")
print(f"{path}: schemaVersion {dash.get('schemaVersion')}, {len(panels)} panels, {targets} queries, "
      f"variables {sorted(variables)}")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
PY
}

# --- traffic and scrape -------------------------------------------------------------

# api METHOD PATH [JSON] [TOKEN]: prints the HTTP status; the body goes to $WORK/body.
api() {
  local -a args=(-sS -o "$WORK/body" -w '%{http_code}' -X "$1" --max-time 10)
  rm -f -- "$WORK/body"
  [[ -n ${3:-} ]] && args+=(-H 'Content-Type: application/json' --data "$3")
  [[ -n ${4:-} ]] && args+=(-H "Authorization: Bearer $4")
  curl "${args[@]}" "$BASE_URL$2" || true
}

json_field() {
  [[ -s $WORK/body ]] || return 0
  python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1], ""))' "$1" <"$WORK/body" 2>/dev/null || true
}

# drive_traffic ROUND: one new user, two orders, a status change, reads (cache
# hits) and an unknown order (404). No wrong passwords: failed logins count
# against 127.0.0.1 in the shared Redis for 15 minutes. Never fails: the
# statuses are printed, and the checks below depend on the metrics, not on
# these calls (a 429 from an exhausted rate limit leaves them valid).
drive_traffic() {
  local email="monitoring-check-$$-$1-$RANDOM@example.com" password='Str0ng-Passw0rd!' token='' id='' statuses=()
  statuses+=("register=$(api POST /api/auth/register "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Monitoring check\"}")")
  statuses+=("login=$(api POST /api/auth/login "{\"email\":\"$email\",\"password\":\"$password\"}")")
  token=$(json_field access_token)
  if [[ -n $token ]]; then
    statuses+=("order=$(api POST /api/orders '{"items":[{"name":"monitoring check","quantity":2,"unit_price":5}]}' "$token")")
    id=$(json_field id)
    statuses+=("order=$(api POST /api/orders '{"items":[{"name":"monitoring check","quantity":1,"unit_price":120}]}' "$token")")
    if [[ -n $id ]]; then
      statuses+=("confirm=$(api PATCH "/api/orders/$id/status" '{"status":"CONFIRMED"}' "$token")")
      statuses+=("get=$(api GET "/api/orders/$id" '' "$token")" "get=$(api GET "/api/orders/$id" '' "$token")")
    fi
    statuses+=("list=$(api GET /api/orders '' "$token")" "unknown=$(api GET /api/orders/999999999 '' "$token")")
  fi
  echo "traffic round $1: ${statuses[*]}"
}

fetch_metrics() {
  local -a auth=()
  [[ -n ${METRICS_TOKEN:-} ]] && auth=(-H "Authorization: Bearer $METRICS_TOKEN")
  curl -fsS --max-time 10 "${auth[@]}" "$BASE_URL/metrics" >"$WORK/metrics.txt"
  echo "GET $BASE_URL/metrics: $(wc -l <"$WORK/metrics.txt") lines, $(grep -cv '^#' "$WORK/metrics.txt") samples"
  grep -q '^http_server_requests_seconds_bucket{' "$WORK/metrics.txt" || { echo "no HTTP latency histogram"; return 1; }
}

lint_metrics() {
  local status=0
  promtool check metrics <"$WORK/metrics.txt" >"$WORK/lint.txt" 2>&1 || status=$?
  # promtool exits 3 for lint findings only, 1 when the exposition does not parse.
  if [[ $status -ne 0 && $status -ne 3 ]]; then
    cat "$WORK/lint.txt"
    return 1
  fi
  if [[ -s $WORK/lint.txt ]]; then
    echo "exposition parses; $(wc -l <"$WORK/lint.txt") lint finding(s), reported only:"
    # Grouped by finding, with a few of the metric names each.
    awk '{ name = $1; $1 = ""; sub(/^ /, ""); n[$0]++; if (n[$0] <= 3) ex[$0] = ex[$0] " " name }
      END { for (k in n) printf "%4d x %s (e.g.%s)\n", n[k], k, ex[k] }' "$WORK/lint.txt" | sort -rn
  else
    echo "exposition parses; no lint findings"
  fi
}

# --- real Prometheus ----------------------------------------------------------------

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

write_prometheus_config() {
  local token_file=""
  if [[ -n ${METRICS_TOKEN:-} ]]; then
    token_file=$WORK/metrics-token
    (umask 077 && printf '%s' "$METRICS_TOKEN" >"$token_file")
  fi
  python3 - monitoring/prometheus.yml "$WORK/prometheus.yml" "$BASE_URL" "$PROM_PORT" "$ROOT/monitoring/alerts.yml" \
    "$token_file" <<'PY'
import sys, urllib.parse, yaml

source, target, base_url, prom_port, rules, token_file = sys.argv[1:]
with open(source, encoding="utf-8") as f:
    config = yaml.safe_load(f)
url = urllib.parse.urlsplit(base_url)
config["global"].update(scrape_interval="2s", scrape_timeout="2s", evaluation_interval="2s")
config["rule_files"] = [rules]
jobs = {job["job_name"]: job for job in config["scrape_configs"]}
app = jobs["order-backend"]
for key in [k for k in app if k.endswith("_sd_configs")]:
    del app[key]
app["static_configs"] = [{"targets": [url.netloc]}]
app["scheme"] = url.scheme
if token_file:
    app["authorization"] = {"type": "Bearer", "credentials_file": token_file}
own = jobs["prometheus"]
own["static_configs"] = [{"targets": [f"127.0.0.1:{prom_port}"]}]
config["scrape_configs"] = [app, own]
with open(target, "w", encoding="utf-8") as f:
    yaml.safe_dump(config, f, sort_keys=False)
print(f"order-backend job -> {url.scheme}://{url.netloc}{app['metrics_path']} every 2s"
      + (" with the METRICS_TOKEN bearer" if token_file else ""))
PY
  promtool check config "$WORK/prometheus.yml" >/dev/null
}

start_prometheus() {
  prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
    --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
  PROM_PID=$!
  local _
  for _ in $(seq 1 60); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PROM_PORT/-/ready" 2>/dev/null; then
      echo "prometheus (pid $PROM_PID) ready on 127.0.0.1:$PROM_PORT"
      return 0
    fi
    kill -0 "$PROM_PID" 2>/dev/null || break
    sleep 0.5
  done
  cat "$WORK/prometheus.log"
  return 1
}

# scalar EXPR: prints the first sample's value of an instant query, or nothing.
scalar() {
  curl -fsS --max-time 5 "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" 2>/dev/null \
    | python3 -c 'import json,sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "")' \
      2>/dev/null || true
}

# wait_for DESCRIPTION SECONDS EXPR: until EXPR returns a sample.
wait_for() {
  local description=$1 deadline=$(($(date +%s) + $2)) value
  while (($(date +%s) < deadline)); do
    value=$(scalar "$3")
    if [[ -n $value ]]; then
      echo "$description at ${SECONDS}s of the run (value $value)"
      return 0
    fi
    sleep 1
  done
  echo "$description: not within $2 s ($3)"
  curl -fsS "http://127.0.0.1:$PROM_PORT/api/v1/targets" 2>/dev/null \
    | python3 -c 'import json,sys; [print("target", t["scrapeUrl"], t["health"], t["lastError"]) for t in json.load(sys.stdin)["data"]["activeTargets"]]' || true
  tail -20 "$WORK/prometheus.log"
  return 1
}

# Every dashboard and alert expression through the query API, the core ones
# with data, the metric names, and the rule evaluation health.
check_queries() {
  python3 - "http://127.0.0.1:$PROM_PORT" "$DASHBOARD" monitoring/alerts.yml "$WORK/metrics.txt" <<'PY'
import json, re, sys, urllib.parse, urllib.request, yaml

prom, dashboard_path, alerts_path, metrics_path = sys.argv[1:]
failures = 0

def report(ok, text):
    global failures
    print(("PASS " if ok else "FAIL ") + text)
    if not ok:
        failures += 1

def api(path, **params):
    url = prom + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:  # 400/422 carry a JSON error body
        return json.load(e)

def query(expr):
    answer = api("/api/v1/query", query=expr)
    if answer.get("status") != "success":
        return False, answer.get("error", "no status"), 0
    result = answer["data"]["result"]
    return True, "", len(result) if isinstance(result, list) else 1

# Grafana variables -> values that make a plain PromQL query.
SUBSTITUTIONS = [
    (r"\$\{instance(:[a-z]+)?\}|\[\[instance\]\]|\$instance\b", ".*"),
    (r"\$__rate_interval|\$__interval|\$__range\b", "1m"),
    (r"\$__range_s\b", "60"), (r"\$__range_ms\b", "60000"),
]
def substitute(expr):
    for pattern, value in SUBSTITUTIONS:
        expr = re.sub(pattern, value, expr)
    return expr

def walk(panels):
    for panel in panels:
        yield panel
        yield from walk(panel.get("panels", []))

expressions = []  # (where, expr)
with open(dashboard_path, encoding="utf-8") as f:
    dashboard = json.load(f)
for panel in walk(dashboard["panels"]):
    for target in panel.get("targets", []):
        expressions.append((f"dashboard {panel['title']!r}/{target.get('refId')}", substitute(target["expr"])))
for variable in dashboard.get("templating", {}).get("list", []):
    definition = variable.get("definition", "")
    inner = re.fullmatch(r"\s*label_values\((.+),\s*\w+\)\s*", definition)
    if inner:
        expressions.append((f"dashboard variable ${variable['name']}", substitute(inner.group(1))))
with open(alerts_path, encoding="utf-8") as f:
    alerts = yaml.safe_load(f)
for group in alerts["groups"]:
    for rule in group["rules"]:
        expressions.append((f"alert {rule.get('alert') or rule.get('record')}", rule["expr"]))

for where, expr in expressions:
    ok, error, count = query(expr)
    report(ok, f"query {where}: " + (f"{count} series" if count else "valid, no data now") if ok else f"query {where}: {error}")

CORE = {
    "target up": 'up{job="order-backend"} == 1',
    "request rate": 'sum(rate(http_server_requests_seconds_count{job="order-backend"}[1m]))',
    "p99 latency": 'histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{job="order-backend"}[1m])))',
    "DB pool usage": 'hikaricp_connections_active{job="order-backend"} / hikaricp_connections_max{job="order-backend"}',
    "JVM heap used": 'sum by (instance) (jvm_memory_used_bytes{job="order-backend", area="heap"})',
    "orders placed": 'orders_placed_total{job="order-backend"}',
    "cache gets": 'cache_gets_total{job="order-backend"}',
    # metric_relabel_configs: the app's own instance tag is kept as "host".
    "host label": 'process_uptime_seconds{job="order-backend", host!="", exported_instance=""}',
}
for name, expr in CORE.items():
    ok, error, count = query(expr)
    report(ok and count > 0, f"data for {name}: {expr} -> " + (f"{count} series" if ok else error))

# Every metric name the expressions use must be one the app exposes (or up).
# Created on first use, so absent from a healthy app's /metrics; verified by
# hand with Redis stopped (FallbackBucketStore counts "ratelimit.fallback").
# Exposed only where DATABASE_REPLICA_URL is set (this check's app has no replica):
# ReadReplicaTests runs the app with one, and alerts.test.yml tests the rule on them.
# The mail meters exist only where SMTP_HOST is set (OrderMailPropertiesTests, MailOutageTests).
LAZY = {"ratelimit_fallback_total", "db_replica_usable", "db_replica_lag_seconds",
        "orders_emails_pending", "orders_emails_sent_total", "orders_emails_failed_total"}
# Not the app's: node_exporter (and the backup job's textfile), postgres_exporter,
# redis_exporter and blackbox_exporter; alerts.test.yml tests those rules.
FOREIGN = ("node_", "order_backend_backup_", "pg_", "redis_", "probe_")
with open(metrics_path, encoding="utf-8") as f:
    exposed = {re.match(r"[A-Za-z_:][A-Za-z0-9_:]*", line).group(0)
               for line in f if line.strip() and not line.startswith("#")}
exposed |= {n for n in api("/api/v1/label/__name__/values").get("data", [])}
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "and", "or", "unless", "inf", "nan", "le", "atan2"}
def metric_names(expr):
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)               # strings
    expr = re.sub(r"\{[^}]*\}", "", expr)                           # label matchers
    expr = re.sub(r"\[[^\]]*\]", "", expr)                          # ranges
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", expr)
    names = set()
    for m in re.finditer(r"(?<![\w.])([A-Za-z_:][A-Za-z0-9_:]*)\b(?!\s*\()", expr):
        if m.group(1).lower() not in KEYWORDS:
            names.add(m.group(1))
    return names
used = set()
for _, expr in expressions:
    used |= metric_names(expr)
unknown = sorted(n for n in used - exposed - LAZY - {"up"} if not n.startswith(FOREIGN))
report(not unknown, f"metric names: {len(used)} used, all exposed by the app"
       + (f" or created on first use ({', '.join(sorted(used & LAZY))})" if used & LAZY else "")
       if not unknown else f"metric names not exposed by the app: {', '.join(unknown)}")

# Prometheus loaded alerts.yml and evaluated every rule without error.
rules = [r for g in api("/api/v1/rules")["data"]["groups"] for r in g["rules"]]
bad = [f"{r['name']}: {r.get('lastError')}" for r in rules if r.get("health") != "ok"]
expected = sum(len(g["rules"]) for g in alerts["groups"])
report(len(rules) == expected and not bad,
       f"rule evaluation: {len(rules)}/{expected} rules loaded, " + ("all healthy" if not bad else "; ".join(bad)))
firing = [f"{a['labels']['alertname']}({a['state']})" for a in api("/api/v1/alerts")["data"]["alerts"]]
print("     alerts active now: " + (", ".join(firing) if firing else "none"))
sys.exit(min(failures, 100))
PY
}

# --- main ---------------------------------------------------------------------------

printf '=== monitoring kit (app at %s)\n' "$BASE_URL"
install_tools
check "promtool check config monitoring/prometheus.yml" promtool check config monitoring/prometheus.yml
check "promtool check rules monitoring/alerts.yml" promtool check rules monitoring/alerts.yml
check "promtool test rules monitoring/alerts.test.yml" promtool test rules monitoring/alerts.test.yml
check "amtool check-config monitoring/alertmanager.yml" amtool check-config monitoring/alertmanager.yml
check "dashboard JSON ($DASHBOARD)" check_dashboard_json

drive_traffic 1
before=$FAILED
check "scrape $BASE_URL/metrics" fetch_metrics
if [[ -s $WORK/metrics.txt ]]; then
  check "promtool check metrics" lint_metrics
fi

PROM_PORT=$(free_port)
check "temporary Prometheus config" write_prometheus_config
((FAILED == before)) && check "prometheus started" start_prometheus
((FAILED == before)) && check "target order-backend up" \
  wait_for "up{job=\"order-backend\"} == 1" 60 'up{job="order-backend"} == 1'
if ((FAILED == before)); then
  drive_traffic 2
  # Enough scrapes after the second round for rate() and the alert rules.
  check "scrapes after the traffic" wait_for "4 scrapes in the last minute" 30 \
    'count_over_time(up{job="order-backend"}[1m]) >= 4'
  check_queries || FAILED=$((FAILED + $?))
else
  fail "queries through Prometheus: skipped after the failure above"
fi

printf 'check-monitoring: %s in %ss\n' "$( ((FAILED == 0)) && echo 'all checks passed' || echo "$FAILED check(s) failed")" \
  "$(($(date +%s) - STARTED))"
((FAILED == 0))
