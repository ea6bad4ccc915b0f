# shellcheck shell=bash
# Shared helpers for the database scripts. Source it; do not run it.
#
# Connection settings come from DATABASE_URL (the application's variable,
# postgresql://user:pass@host:5432/db, postgres:// or jdbc:postgresql://) or,
# when it is unset, from the usual libpq variables (PGHOST, PGPORT, PGUSER,
# PGPASSWORD or ~/.pgpass, PGDATABASE, PGSSLMODE). The password is handed to
# the PostgreSQL tools through PGPASSWORD in the environment, never as an
# argument, so it does not show up in `ps` or shell history.

log() { printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit "${2:-1}"; }

require_command() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "required command not found: $cmd"
  done
}

# Decodes %XX escapes (passwords in URLs are often percent-encoded) and nothing else,
# as the service does (DatabaseUrl): '+' stays a literal '+' (not a space, which is
# form encoding), and a backslash stays a backslash.
url_decode() {
  local rest=$1 out="" byte
  while [[ $rest =~ ^([^%]*)%([0-9A-Fa-f]{2})(.*)$ ]]; do
    printf -v byte '%b' "\\x${BASH_REMATCH[2]}"
    out+=${BASH_REMATCH[1]}$byte
    rest=${BASH_REMATCH[3]}
  done
  printf '%s' "$out$rest"
}

# Exports PG* variables from a PostgreSQL URL.
pg_env_from_url() {
  local url=$1 rest userinfo="" hostport query="" database="" pair key value
  case $url in
    jdbc:postgresql://*) rest=${url#jdbc:postgresql://} ;;
    postgresql://* | postgres://*) rest=${url#*://} ;;
    *) die "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql://" 2 ;;
  esac
  if [[ $rest == *\?* ]]; then
    query=${rest#*\?}
    rest=${rest%%\?*}
  fi
  if [[ $rest == */* ]]; then
    database=${rest#*/}
    rest=${rest%%/*}
  fi
  if [[ $rest == *@* ]]; then
    userinfo=${rest%@*}
    hostport=${rest##*@}
  else
    hostport=$rest
  fi

  if [[ -n $userinfo ]]; then
    if [[ $userinfo == *:* ]]; then
      export PGUSER; PGUSER=$(url_decode "${userinfo%%:*}")
      export PGPASSWORD; PGPASSWORD=$(url_decode "${userinfo#*:}")
    else
      export PGUSER; PGUSER=$(url_decode "$userinfo")
    fi
  fi

  if [[ $hostport == \[*\]* ]]; then          # [::1]:5432
    export PGHOST=${hostport%%]*}; PGHOST=${PGHOST#\[}
    [[ $hostport == *\]:* ]] && export PGPORT=${hostport##*]:}
  elif [[ $hostport == *:* ]]; then
    export PGHOST=${hostport%%:*}
    export PGPORT=${hostport##*:}
  elif [[ -n $hostport ]]; then
    export PGHOST=$hostport
  fi
  [[ -n $database ]] && { export PGDATABASE; PGDATABASE=$(url_decode "$database"); }

  local -a pairs=()
  [[ -n $query ]] && IFS='&' read -r -a pairs <<<"$query"
  for pair in "${pairs[@]}"; do
    key=${pair%%=*}
    value=$(url_decode "${pair#*=}")
    case $key in
      sslmode) export PGSSLMODE=$value ;;
      user) export PGUSER=$value ;;
      password) export PGPASSWORD=$value ;;
      sslrootcert) export PGSSLROOTCERT=$value ;;
      application_name) export PGAPPNAME=$value ;;
    esac
  done
}

# Loads the connection from DATABASE_URL when set; PG* variables otherwise.
load_database_connection() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    pg_env_from_url "$DATABASE_URL"
  fi
  export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
  [[ -n ${PGDATABASE:-} ]] || die "no database named: set DATABASE_URL or PGDATABASE" 2
}

# Runs SQL read from stdin in the maintenance database with psql variables;
# psql substitutes :'name' safely quoted, which -c does not do.
#   psql_maintenance -v db="$name" <<'SQL' ... SQL
psql_maintenance() {
  psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 \
    --dbname "${PG_MAINTENANCE_DB:-postgres}" "$@"
}

database_exists() {
  local answer
  answer=$(psql_maintenance -v db="$1" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'db';
SQL
  ) || die "cannot reach PostgreSQL at ${PGHOST:-local socket}:${PGPORT:-5432}"
  [[ $answer == 1 ]]
}

# Number of user relations (tables, views, sequences …) in a database.
user_relation_count() {
  psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 --dbname "$1" <<'SQL'
SELECT count(*)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
  AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f');
SQL
}
