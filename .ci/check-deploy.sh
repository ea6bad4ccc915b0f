#!/usr/bin/env bash
# Checks the deployment kit: compose files, YAML, shell scripts, Dockerfile,
# Terraform, cross-file consistency, and the backup/restore scripts against a
# real PostgreSQL (a restore drill that must pass, and must fail when the
# restored copy is tampered with).
#
#   bash .ci/check-deploy.sh            (from .ci/run, or by hand from anywhere)
#
# Installs what it lacks with apt-get (yamllint, shellcheck, docker-compose v1,
# the PostgreSQL client, gnupg) and, when npm is there, two npm linters into a
# cache directory outside the repository. PostgreSQL: PGHOST/PGPORT/PGUSER
# (default 127.0.0.1:5432, postgres) with a role that may create databases.
# Every database it creates is named after this process ($$) and dropped at exit.
# Prints PASS/FAIL per check and a summary; exits 1 if any check failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
unset PGDATABASE DATABASE_URL BACKUP_S3_BUCKET BACKUP_PASSPHRASE
NPM_PREFIX=${CHECK_DEPLOY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/order-backend-check-deploy}/npm
DOCKERFILELINT_VERSION=1.8.0
HCL2JSON_VERSION=0.21.0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-deploy.XXXXXX")
RUN_ID=$$
CREATED_DBS=()
RESULTS=()
FAILED=0
STARTED=$(date +%s%N)

APP_VARIABLES=(ENVIRONMENT DEBUG LOG_LEVEL LOG_FORMAT PORT SECRET_KEY ALGORITHM ACCESS_TOKEN_EXPIRE_MINUTES
  REFRESH_TOKEN_EXPIRE_DAYS DATABASE_URL DATABASE_POOL_SIZE DATABASE_MAX_OVERFLOW DATABASE_REPLICA_URL
  DATABASE_REPLICA_MAX_LAG DATABASE_REPLICA_POOL_SIZE REDIS_URL
  REDIS_PASSWORD CACHE_TYPE RATELIMIT_DEFAULT RATELIMIT_STORAGE_URL SMTP_HOST SMTP_PORT SMTP_USER SMTP_PASSWORD
  SMTP_FROM PUBLIC_URL SENTRY_DSN DATADOG_API_KEY SSL_CERT_PATH SSL_KEY_PATH ADMIN_EMAIL ADMIN_PASSWORD DEFAULT_CURRENCY
  METRICS_TOKEN TRUSTED_PROXIES CONSOLE_ENABLED WEBHOOK_ALLOW_PRIVATE_NETWORKS WEBHOOK_ALLOW_HTTP)

cleanup() {
  local db
  for db in "${CREATED_DBS[@]}"; do
    dropdb --if-exists --force -- "$db" >/dev/null 2>&1 || true
  done
  # Scratch databases of drills this run started (named with this run's id).
  if command -v psql >/dev/null 2>&1; then
    while IFS= read -r db; do
      [[ -n $db ]] && { dropdb --if-exists --force -- "$db" >/dev/null 2>&1 || true; }
    done < <(psql -X -At -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'deploy\_check\_${RUN_ID}\_%'" 2>/dev/null)
  fi
  rm -rf -- "$WORK"
}
trap cleanup EXIT

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

# run_check NAME FUNCTION: runs FUNCTION with errexit in a subshell, shows its
# output, and records PASS or FAIL with the time it took.
run_check() {
  local name=$1 fn=$2 log="$WORK/$1.log" start status verdict
  start=$(date +%s%N)
  printf '\n=== %s ===\n' "$name"
  (set -euo pipefail; "$fn") >"$log" 2>&1
  status=$?
  sed 's/^/  /' "$log"
  if [[ $status -eq 0 ]]; then verdict=PASS; else verdict=FAIL; FAILED=$((FAILED + 1)); fi
  printf '%s %s\n' "$verdict" "$name"
  RESULTS+=("$(printf '%-4s  %-22s %6.1fs' "$verdict" "$name" "$(elapsed "$start")")")
}

elapsed() { # seconds since a date +%s%N stamp, one decimal
  local now; now=$(date +%s%N)
  printf '%s' "$(( (now - $1) / 1000000000 )).$(( (now - $1) / 100000000 % 10 ))"
}

expect_failure() { # expect_failure DESCRIPTION COMMAND...: the command must fail
  local description=$1; shift
  if "$@"; then
    echo "expected a failure but it succeeded: $description"
    return 1
  fi
  echo "fails as it should: $description"
}

# --- checks ------------------------------------------------------------------------

check_tools() {
  local -a packages=()
  command -v yamllint >/dev/null || packages+=(yamllint)
  command -v shellcheck >/dev/null || packages+=(shellcheck)
  command -v docker-compose >/dev/null || packages+=(docker-compose)
  if ! command -v pg_dump >/dev/null || ! command -v pg_restore >/dev/null || ! command -v psql >/dev/null; then
    packages+=(postgresql-client)
  fi
  command -v gpg >/dev/null || packages+=(gnupg)
  if ((${#packages[@]} > 0)); then
    echo "installing: ${packages[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
  yamllint --version
  shellcheck --version | sed -n 2p
  docker-compose version --short
  pg_dump --version

  # Optional npm linters: a Dockerfile linter and HashiCorp's HCL parser.
  if command -v npm >/dev/null 2>&1; then
    if [[ ! -x $NPM_PREFIX/node_modules/.bin/dockerfilelint \
      || ! -f $NPM_PREFIX/node_modules/@cdktf/hcl2json/package.json ]]; then
      mkdir -p "$NPM_PREFIX"
      npm install --prefix "$NPM_PREFIX" --no-audit --no-fund --no-save --loglevel=error \
        "dockerfilelint@$DOCKERFILELINT_VERSION" "@cdktf/hcl2json@$HCL2JSON_VERSION" 2>&1 \
        | grep -v 'Unknown user config' \
        || echo "npm install failed: the Dockerfile and Terraform checks use their fallbacks"
    fi
  else
    echo "npm not found: the Dockerfile and Terraform checks use their fallbacks"
  fi

  # PostgreSQL for the backup and drill checks.
  if ! pg_isready -q -t 5 && command -v pg_ctlcluster >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    echo "PostgreSQL not answering: starting the local cluster"
    local version
    version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    sleep 2
  fi
  pg_isready -t 10
  psql -X -At -d postgres -c 'SELECT version()'
}

check_compose_prod() {
  docker-compose --env-file .env.example -f docker-compose.prod.yml config -q
  echo "docker-compose.prod.yml: valid with .env.example"
  # Without the required secrets the file must refuse to render.
  : >"$WORK/empty.env"
  expect_failure "config without SECRET_KEY/POSTGRES_PASSWORD" \
    docker-compose --env-file "$WORK/empty.env" -f docker-compose.prod.yml config -q 2>/dev/null
}

check_compose_monitoring() {
  docker-compose --env-file .env.example -f docker-compose.monitoring.yml config -q
  echo "docker-compose.monitoring.yml: valid with .env.example"
  local path
  for path in monitoring/grafana/provisioning/datasources monitoring/grafana/provisioning/dashboards \
    monitoring/filebeat/filebeat.yml nginx/nginx.conf nginx/templates/order-backend.conf.template \
    monitoring/alertmanager.yml monitoring/blackbox-targets.yml monitoring/logstash/logstash.yml \
    monitoring/logstash/pipeline/order-backend.conf monitoring/elasticsearch/setup.sh; do
    [[ -e $path ]] || { echo "missing: $path"; return 1; }
  done
  # The log retention: valid JSON as setup.sh sends it, a delete phase, the template using the policy.
  python3 - <<'PY'
import json, subprocess
def sent(path):  # setup.sh drops the "_comment" line before sending
    return json.loads("".join(l for l in open(path) if '"_comment"' not in l))
policy = sent("monitoring/elasticsearch/ilm-policy.json")["policy"]["phases"]
assert "delete" in policy and policy["delete"]["min_age"].endswith("d"), policy
template = sent("monitoring/elasticsearch/index-template.json")
assert template["template"]["settings"]["index.lifecycle.name"] == "order-backend-logs"
assert template["priority"] > 100 and "data_stream" in template
pipeline = open("monitoring/logstash/pipeline/order-backend.conf").read()
assert 'data_stream_dataset => "order_backend"' in pipeline and all(p in template["index_patterns"][0] for p in ["logs-order_backend"])
print(f"log retention: delete after {policy['delete']['min_age']} (ILM order-backend-logs on logs-order_backend-*)")
PY
  # Files other engineers provide; referenced here, warned about until they exist.
  for path in monitoring/prometheus.yml monitoring/alerts.yml monitoring/grafana/dashboards/order-backend.json; do
    [[ -e $path ]] || echo "note: $path is not there yet (mounted by docker-compose.monitoring.yml)"
  done
}

check_yamllint() {
  yamllint --strict --format parsable .
  echo "yamllint: $(find . -path ./target -prune -o -path ./node_modules -prune -o -path ./.git -prune -o \
    \( -name '*.yml' -o -name '*.yaml' -o -name .yamllint \) -type f -print | wc -l) YAML files clean"
}

check_shellcheck() {
  local -a scripts=() file
  for file in scripts/*.sh scripts/lib/*.sh docker/*.sh .ci/* .ci/services/*/*.sh; do
    [[ -f $file ]] || continue
    if [[ $file == *.sh ]] || head -n1 "$file" | grep -qE '^#!.*\b(ba)?sh\b'; then
      scripts+=("$file")
    fi
  done
  shellcheck -x "${scripts[@]}"
  echo "shellcheck: ${#scripts[@]} scripts clean: ${scripts[*]}"

  # The run: steps of the GitHub workflows are bash scripts too.
  local python=python3
  [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import yaml' 2>/dev/null && python=/usr/bin/python3
  "$python" .ci/workflow_scripts.py "$WORK/workflow-steps" .github/workflows/*.yml
  shellcheck "$WORK"/workflow-steps/*.sh
  echo "shellcheck: workflow run steps clean"
}

check_dockerfile() {
  local linter=$NPM_PREFIX/node_modules/.bin/dockerfilelint
  if [[ -x $linter ]]; then
    # dockerfilelint 1.8 reads "--start-period" as an unknown "--start" option
    # (its regex stops at the dash), and takes "FROM <an earlier stage>" for an image
    # without a tag; those findings are dropped, nothing else.
    "$linter" -o json Dockerfile >"$WORK/dockerfilelint.json" || true
    python3 - "$WORK/dockerfilelint.json" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
stages = set(re.findall(r"(?im)^FROM\s+\S+\s+AS\s+(\S+)", open("Dockerfile").read()))
def stage_reference(issue):  # an earlier stage, or a build argument (its default is checked below)
    words = issue["content"].split()
    return issue["title"] == "Base Image Missing Tag" and len(words) > 1 and (words[1] in stages or "${" in words[1])
issues = [i for f in report["files"] for i in f["issues"]
          if not (i["title"] == "Invalid Argument Format" and i["content"].startswith("HEALTHCHECK")
                  and "--start-period" in i["content"]) and not stage_reference(i)]
for i in issues:
    print(f"dockerfilelint: line {i['line']}: {i['title']}: {i['content']}")
print(f"dockerfilelint: {len(issues)} issue(s)")
sys.exit(1 if issues else 0)
PY
  else
    echo "dockerfilelint not available (no npm): only the built-in rules below"
  fi

  # Built-in rules (hadolint is in neither Debian nor npm). Continuation lines are joined first.
  local joined problems=0 from image stages="" resolved_froms=""
  joined=$(sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' Dockerfile | grep -vE '^\s*(#|$)')
  while read -r from; do
    image=$(awk '{print $2}' <<<"$from")
    if grep -qw -- "$image" <<<"$stages"; then continue; fi
    # FROM ${NAME}: the default of the global ARG NAME is what a plain build uses.
    if [[ $image =~ ^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$ ]]; then
      image=$(sed -nE "s/^ARG ${BASH_REMATCH[1]}=(\S+)$/\1/p" <<<"$joined" | head -n1)
      [[ -n $image ]] || { echo "rule: $from has a build argument without a default"; problems=$((problems + 1)); continue; }
      resolved_froms+="FROM $image"$'\n'
    else
      resolved_froms+="$from"$'\n'
    fi
    if [[ $image != *:* && $image != *@sha256:* ]]; then
      echo "rule: FROM $image has no tag"; problems=$((problems + 1))
    elif [[ $image == *:latest ]]; then
      echo "rule: FROM $image uses the latest tag"; problems=$((problems + 1))
    fi
    if [[ ! $image =~ @sha256:[0-9a-f]{64}$ ]]; then
      echo "rule: FROM $image is not pinned by digest"; problems=$((problems + 1))
    fi
    stages+=" $(awk 'tolower($3) == "as" {print $4}' <<<"$from")"
  done < <(grep -iE '^FROM ' <<<"$joined")
  [[ $(grep -ciE '^FROM ' <<<"$joined") -ge 2 ]] || { echo "rule: not a multi-stage build"; problems=$((problems + 1)); }
  grep -qE '^FROM eclipse-temurin:25-jre' <<<"$resolved_froms" || { echo "rule: runtime is not eclipse-temurin:25-jre"; problems=$((problems + 1)); }
  local user
  user=$(grep -iE '^USER ' <<<"$joined" | tail -n1 | awk '{print $2}')
  if [[ -z $user || $user =~ ^(root|0)(:|$) ]]; then
    echo "rule: the final USER is missing or root ('$user')"; problems=$((problems + 1))
  fi
  grep -qE '^HEALTHCHECK .*/health/readiness' <<<"$joined" \
    || { echo "rule: no HEALTHCHECK on /health/readiness"; problems=$((problems + 1)); }
  grep -qE '^EXPOSE (.* )?8000( |$)' <<<"$joined" || { echo "rule: EXPOSE 8000 missing"; problems=$((problems + 1)); }
  if grep -qiE '^ADD .*(https?|ftp)://' <<<"$joined"; then
    echo "rule: ADD of a URL"; problems=$((problems + 1))
  fi
  if grep -qE '(^|[ ;&|])sudo ' <<<"$joined"; then
    echo "rule: sudo in the Dockerfile"; problems=$((problems + 1))
  fi
  grep -q 'extract --layers' <<<"$joined" || { echo "rule: not a layered extraction"; problems=$((problems + 1)); }
  grep -q 'AOTCache=' <<<"$joined" || { echo "rule: the image does not start with its AOT cache"; problems=$((problems + 1)); }
  grep -q 'MaxRAMPercentage' <<<"$joined" || { echo "rule: JVM heap not sized from the container limit"; problems=$((problems + 1)); }
  grep -qE '^ENTRYPOINT \[' <<<"$joined" || { echo "rule: ENTRYPOINT is not in exec form"; problems=$((problems + 1)); }
  if [[ ! -f .dockerignore ]] || ! grep -qxF '*' .dockerignore; then
    echo "rule: .dockerignore does not start from an empty context"; problems=$((problems + 1))
  fi
  echo "built-in Dockerfile rules: $problems problem(s)"
  ((problems == 0))
}

check_terraform() {
  if command -v terraform >/dev/null 2>&1; then
    # (stderr only carries a warning about a missing ~/.terraformrc)
    terraform fmt -check -recursive -diff terraform 2>/dev/null
    echo "terraform fmt -check: clean ($(terraform version 2>/dev/null | head -n1))"
  else
    echo "terraform binary not installed (neither Debian nor npm has it): no fmt check"
  fi
  local parser=$NPM_PREFIX/node_modules/@cdktf/hcl2json
  if [[ -f $parser/package.json ]] && command -v node >/dev/null 2>&1; then
    node .ci/hcl2json.js "$parser" "$WORK/terraform.json" terraform/*.tf
    echo "hcl2json: every .tf file parses"
    python3 .ci/terraform_sanity.py terraform "$WORK/terraform.json"
  else
    echo "no HCL parser available: sanity check from the source text"
    python3 .ci/terraform_sanity.py terraform
  fi
}

check_manifests() {
  python3 -m json.tool cloud/ecs-task-definition.json >/dev/null
  echo "cloud/ecs-task-definition.json: valid JSON"
  python3 - <<'PY'
import json
task = json.load(open("cloud/ecs-task-definition.json"))
app = task["containerDefinitions"][0]
assert app["image"].startswith("ghcr.io/OWNER/order-backend:"), app["image"]
assert app["portMappings"][0]["containerPort"] == 8000
# ECS replaces a task whose container check fails: liveness, not readiness (a database outage).
assert "/health/liveness" in app["healthCheck"]["command"], app["healthCheck"]["command"]
assert app["readonlyRootFilesystem"] is True and app["user"].startswith("10001")
names = {e["name"] for e in app["environment"]}
assert not names & {"SECRET_KEY", "DATABASE_URL", "REDIS_PASSWORD", "ADMIN_PASSWORD"}, "secrets in plain environment"
print("cloud/ecs-task-definition.json: image, port 8000, liveness health check, secrets via Secrets Manager")
PY
  if command -v kubectl >/dev/null 2>&1; then
    kubectl kustomize k8s >"$WORK/kustomized.yaml"
    echo "kubectl kustomize k8s: $(grep -c '^kind:' "$WORK/kustomized.yaml") objects rendered"
    if grep -q '^kind: Secret' "$WORK/kustomized.yaml"; then
      echo "the example Secret must not be part of the kustomization"
      return 1
    fi
  else
    echo "kubectl not installed: kustomize rendering skipped (the Java test DeploymentManifestTests parses k8s/)"
  fi
}

check_consistency() {
  local problems=0 name file
  for name in "${APP_VARIABLES[@]}"; do
    grep -qE "^${name}=" .env.example || { echo ".env.example lacks $name"; problems=$((problems + 1)); }
  done
  # Nothing that looks like a real secret in the example: every secret is empty or a placeholder.
  while IFS='=' read -r name value; do
    case $name in
      SECRET_KEY | *PASSWORD | METRICS_TOKEN | DATADOG_API_KEY | SENTRY_DSN | BACKUP_PASSPHRASE)
        if [[ -n $value && $value != *CHANGE_ME* ]]; then
          echo ".env.example: $name is not a placeholder"; problems=$((problems + 1))
        fi ;;
    esac
  done < <(grep -E '^[A-Z_]+=' .env.example)
  # The app's environment in compose uses only the app's variable names.
  python3 - "${APP_VARIABLES[@]}" <<'PY' || problems=$((problems + 1))
import re, sys
allowed = set(sys.argv[1:])
text = open("docker-compose.prod.yml").read()
block = text.split("\n  app:\n", 1)[1].split("\n    environment:\n", 1)[1]
names = []
for line in block.splitlines():
    m = re.match(r"^      ([A-Z_]+):", line)
    if m:
        names.append(m.group(1))
    elif line.strip() and not line.startswith("      "):
        break
unknown = sorted(set(names) - allowed)
print(f"compose app environment: {len(names)} variables" + (f", unknown: {unknown}" if unknown else ""))
sys.exit(1 if unknown else 0)
PY
  # One image name everywhere: ghcr.io/OWNER/order-backend (workflows spell OWNER
  # as the lower-cased repository owner).
  local reference
  while IFS= read -r reference; do
    # shellcheck disable=SC2016 # literal ${…} text from the workflow files
    case $reference in
      ghcr.io/OWNER/order-backend | 'ghcr.io/${GITHUB_REPOSITORY_OWNER,,}/order-backend' \
        | 'ghcr.io/${GITHUB_REPOSITORY_OWNER,,}/${IMAGE_NAME}') ;;
      *) echo "unexpected image reference: $reference"; problems=$((problems + 1)) ;;
    esac
  done < <(grep -rhoE 'ghcr\.io/[^ "'\'':@)]+' Dockerfile docker-compose*.yml k8s cloud terraform .github docs \
    2>/dev/null | sed -E 's/[.,;]+$//' | sort -u)
  # The health paths and port are the application's.
  for file in k8s/deployment.yaml docker-compose.prod.yml Dockerfile \
    cloud/azure-container-instances.yaml terraform/alb.tf; do
    grep -q '/health/readiness' "$file" || { echo "$file does not use /health/readiness"; problems=$((problems + 1)); }
  done
  echo "consistency: $problems problem(s)"
  ((problems == 0))
}

# The scripts read DATABASE_URL as the service does (DatabaseUrl): %XX decoded, '+' and '\' literal.
check_url_decoding() {
  # shellcheck source=scripts/lib/pg-env.sh
  source scripts/lib/pg-env.sh
  local expected='a+b c@d\n%'
  unset PGUSER PGPASSWORD PGHOST PGPORT PGDATABASE
  pg_env_from_url 'postgresql://us%2Ber:a+b%20c%40d\n%25@db.example.internal:5433/or+ders?sslmode=require'
  [[ $PGPASSWORD == "$expected" ]] || { echo "password decoded as '$PGPASSWORD', expected '$expected'"; return 1; }
  [[ $PGUSER == 'us+er' && $PGDATABASE == 'or+ders' ]] || { echo "user '$PGUSER', database '$PGDATABASE'"; return 1; }
  [[ $PGHOST == db.example.internal && $PGPORT == 5433 && $PGSSLMODE == require ]] || { echo "host/port/sslmode"; return 1; }
  echo "DATABASE_URL decoded as the service does: '+' literal, %XX decoded, backslash kept"
}

SOURCE_DB="deploy_check_${RUN_ID}_src"

create_fixture_db() {
  if ! psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$SOURCE_DB'" | grep -q 1; then
    createdb -- "$SOURCE_DB"
    psql -X -q -v ON_ERROR_STOP=1 -d "$SOURCE_DB" -f .ci/restore-drill-fixture.sql >/dev/null
  fi
  echo "fixture database $SOURCE_DB: $(psql -X -At -d "$SOURCE_DB" -c \
    "SELECT (SELECT count(*) FROM usuarios) + (SELECT count(*) FROM pedidos) + (SELECT count(*) FROM itens) + (SELECT count(*) FROM pedido_historico)") rows"
}

check_backup_scripts() {
  create_fixture_db
  local dir="$WORK/backups" dump target="deploy_check_${RUN_ID}_restored" empty="deploy_check_${RUN_ID}_empty"
  mkdir -p "$dir"
  # Retention: this database's 10-day-old dump goes, a 2-day-old one and other databases' stay.
  touch -d '10 days ago' "$dir/$SOURCE_DB-20200101T000000Z.dump" "$dir/$SOURCE_DB-20200101T000000Z.dump.sha256"
  touch -d '2 days ago' "$dir/$SOURCE_DB-20200102T000000Z.dump"
  touch -d '10 days ago' "$dir/otherdb-20200101T000000Z.dump"

  mkdir -p "$dir/metrics"
  dump=$(PGDATABASE=$SOURCE_DB BACKUP_METRICS_DIR="$dir/metrics" scripts/backup-database.sh --output-dir "$dir")
  [[ -s $dump && $dump == "$dir/$SOURCE_DB-"*.dump ]] || { echo "no dump at '$dump'"; return 1; }
  # The textfile metric that BackupTooOld watches: well-formed, and of this run.
  local metrics=$dir/metrics/order_backend_backup_$SOURCE_DB.prom stamp
  if command -v promtool >/dev/null 2>&1; then promtool check metrics <"$metrics"; fi
  stamp=$(sed -n 's/^order_backend_backup_last_success_timestamp_seconds{[^}]*} \([0-9]*\)$/\1/p' "$metrics")
  (($(date +%s) - stamp < 600)) || { echo "no fresh backup timestamp in $metrics"; return 1; }
  # the listing first: `pg_restore | grep -q` fails under pipefail when grep stops reading early
  local listing
  listing=$(pg_restore --list "$dump")
  grep -q 'TABLE DATA public pedidos' <<<"$listing" || { echo "dump lacks pedidos"; return 1; }
  [[ -f $dump.sha256 ]] || { echo "no checksum file"; return 1; }
  [[ ! -e $dir/$SOURCE_DB-20200101T000000Z.dump && ! -e $dir/$SOURCE_DB-20200101T000000Z.dump.sha256 ]] \
    || { echo "retention kept a 10-day-old dump"; return 1; }
  [[ -e $dir/$SOURCE_DB-20200102T000000Z.dump && -e $dir/otherdb-20200101T000000Z.dump ]] \
    || { echo "retention removed a file it must keep"; return 1; }
  echo "backup-database.sh: custom-format dump, checksum, 7-day retention"
  [[ $(stat -c %a "$dump") == 600 ]] || { echo "dump is readable by others"; return 1; }

  expect_failure "backup of a database that does not exist" \
    env PGDATABASE="deploy_check_${RUN_ID}_missing" scripts/backup-database.sh --output-dir "$dir" --no-upload
  if compgen -G "$dir/*.partial" >/dev/null; then echo "a failed dump left a partial file"; return 1; fi
  expect_failure "a bucket without the aws CLI" \
    env PATH=/usr/bin:/bin PGDATABASE="$SOURCE_DB" BACKUP_S3_BUCKET=example-bucket \
    scripts/backup-database.sh --output-dir "$dir/s3"

  # Restore: into a new database, refused over a non-empty one, --force replaces it.
  CREATED_DBS+=("$target" "$empty")
  scripts/restore-database.sh "$dump" "$target"
  [[ $(psql -X -At -d "$target" -c 'SELECT count(*) FROM itens') == 9600 ]] || { echo "restored itens count wrong"; return 1; }
  local status=0
  scripts/restore-database.sh "$dump" "$target" || status=$?
  [[ $status -eq 3 ]] || { echo "restore over a non-empty database exited $status, expected 3 (refused)"; return 1; }
  echo "restore-database.sh: refuses a non-empty target without --force"
  psql -X -q -d "$target" -c 'DELETE FROM pedido_historico'
  DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/postgres" scripts/restore-database.sh --force "$dump" "$target"
  [[ $(psql -X -At -d "$target" -c 'SELECT count(*) FROM pedido_historico') == 3005 ]] \
    || { echo "--force did not replace the database"; return 1; }
  createdb -- "$empty"
  scripts/restore-database.sh --no-owner "$dump" "$empty"
  echo "restore-database.sh: --force replaces; an existing empty database is restored into; DATABASE_URL accepted"

  # Configuration backup: .env never in clear, encrypted only with a passphrase.
  local app="$WORK/app-src" secret_marker="not-a-real-secret-$RUN_ID-$RANDOM" archive list
  mkdir -p "$app"
  cp -r k8s nginx monitoring .env.example docker-compose.prod.yml "$app/"
  printf 'SECRET_KEY=%s\n' "$secret_marker" >"$app/.env"
  archive=$(scripts/backup-application.sh --source-dir "$app" --output-dir "$WORK/app-backups" 2>"$WORK/app1.log")
  grep -q 'NOT backed up' "$WORK/app1.log" || { echo "no warning about the skipped .env"; return 1; }
  list=$(tar -tzf "$archive")
  grep -q 'k8s/deployment.yaml' <<<"$list" || { echo "archive lacks k8s/"; return 1; }
  if grep -qE '(^|/)\.env(\.gpg|\.enc)?$' <<<"$list"; then echo "archive holds .env without a passphrase"; return 1; fi
  sleep 1 # a new timestamp for the second archive
  archive=$(BACKUP_PASSPHRASE="test-passphrase-$RUN_ID" scripts/backup-application.sh --source-dir "$app" \
    --output-dir "$WORK/app-backups" 2>"$WORK/app2.log")
  list=$(tar -tzf "$archive")
  grep -qE 'secrets/\.env\.(gpg|enc)$' <<<"$list" || { echo "encrypted .env missing"; return 1; }
  if grep -qE '(^|/)\.env$' <<<"$list"; then echo "clear .env in the archive"; return 1; fi
  if gzip -dc "$archive" | grep -aq "$secret_marker"; then echo "secret found in clear in the archive"; return 1; fi
  mkdir -p "$WORK/app-restore" && tar -xzf "$archive" -C "$WORK/app-restore"
  if [[ -f $WORK/app-restore/secrets/.env.gpg ]]; then
    GNUPGHOME=$(mktemp -d "$WORK/gnupg.XXXXXX") gpg --batch --quiet --pinentry-mode loopback --passphrase-fd 3 \
      --decrypt "$WORK/app-restore/secrets/.env.gpg" 3<<<"test-passphrase-$RUN_ID" >"$WORK/decrypted.env"
  else
    BACKUP_PASSPHRASE="test-passphrase-$RUN_ID" openssl enc -d -aes-256-cbc -pbkdf2 -iter 200000 \
      -pass env:BACKUP_PASSPHRASE -in "$WORK/app-restore/secrets/.env.enc" -out "$WORK/decrypted.env"
  fi
  cmp -s "$WORK/decrypted.env" "$app/.env" || { echo "decrypted .env differs"; return 1; }
  (cd "$WORK/app-restore" && grep -E '^[0-9a-f]{64} ' MANIFEST | sha256sum --check --quiet)
  echo "backup-application.sh: config archived, .env skipped without a passphrase, encrypted with one, manifest verifies"
}

check_restore_drill() {
  create_fixture_db
  local out="$WORK/drill.out" status
  export RESTORE_DRILL_PREFIX="deploy_check_${RUN_ID}_drill"

  echo "--- 1. untouched restore (source from PG* variables): must pass"
  PGDATABASE=$SOURCE_DB scripts/restore-drill.sh | tee "$out"
  grep -q '^RESULT: PASS' "$out" || { echo "no PASS line"; return 1; }
  [[ $(grep -c ' OK$' "$out") -eq 4 ]] || { echo "expected 4 tables OK"; return 1; }

  echo "--- 2. one money value changed in the restored copy (source from DATABASE_URL): must fail"
  status=0
  DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$SOURCE_DB" scripts/restore-drill.sh \
    --tamper-for-test "UPDATE pedidos SET total = total + 0.01 WHERE id = 77" >"$out" 2>"$WORK/drill.err" || status=$?
  cat "$out"
  [[ $status -eq 1 ]] || { echo "drill exited $status on a tampered copy, expected 1"; cat "$WORK/drill.err"; return 1; }
  grep -qE '^public\.pedidos .*CONTENT DIFFERS' "$out" || { echo "the changed value went unnoticed"; return 1; }

  echo "--- 3. one row deleted, and a NULL filled in a table without a primary key: must fail"
  status=0
  PGDATABASE=$SOURCE_DB scripts/restore-drill.sh --tamper-for-test \
    "DELETE FROM itens WHERE pedido_id = 10 AND linha = 1;
     UPDATE pedido_historico SET de_status = 'x' WHERE ctid = (SELECT ctid FROM pedido_historico WHERE de_status IS NULL LIMIT 1)" \
    >"$out" 2>"$WORK/drill.err" || status=$?
  cat "$out"
  [[ $status -eq 1 ]] || { echo "drill exited $status on a tampered copy, expected 1"; cat "$WORK/drill.err"; return 1; }
  grep -qE '^public\.itens .*ROW COUNT DIFFERS' "$out" || { echo "the deleted row went unnoticed"; return 1; }
  grep -qE '^public\.pedido_historico .*CONTENT DIFFERS' "$out" || { echo "the filled NULL went unnoticed"; return 1; }

  local left
  left=$(psql -X -At -d postgres -c "SELECT count(*) FROM pg_database WHERE datname LIKE '${RESTORE_DRILL_PREFIX//_/\\_}%'")
  [[ $left -eq 0 ]] || { echo "$left scratch database(s) left behind"; return 1; }
  echo "restore drill: passes on a faithful restore, fails on tampering, leaves no scratch database"
}

# --- main ---------------------------------------------------------------------------

CREATED_DBS+=("$SOURCE_DB")
run_check tools check_tools
run_check compose-prod check_compose_prod
run_check compose-monitoring check_compose_monitoring
run_check yamllint check_yamllint
run_check shellcheck check_shellcheck
run_check dockerfile check_dockerfile
run_check terraform check_terraform
run_check manifests check_manifests
run_check consistency check_consistency
run_check url-decoding check_url_decoding
run_check backup-scripts check_backup_scripts
run_check restore-drill check_restore_drill

printf '\n=== deployment kit summary ===\n'
printf '%s\n' "${RESULTS[@]}"
printf 'check-deploy: %d passed, %d failed in %ss\n' "$((${#RESULTS[@]} - FAILED))" "$FAILED" "$(elapsed "$STARTED")"
((FAILED == 0))
