#!/usr/bin/env bash
# Restores a dump made by backup-database.sh into a named database.
#
#   scripts/restore-database.sh [--force] [--jobs N] [--no-owner] DUMP_FILE TARGET_DATABASE
#
# The server and credentials come from DATABASE_URL or the PG* variables (the
# database part of DATABASE_URL is ignored: the target is named explicitly).
#   - TARGET_DATABASE missing:            it is created and the dump restored into it.
#   - TARGET_DATABASE exists but empty:   the dump is restored into it.
#   - TARGET_DATABASE holds any relation: refused, unless --force is given, in
#                                         which case it is dropped (disconnecting
#                                         its sessions) and created anew.
#   --jobs N     parallel pg_restore jobs (default 2)
#   --no-owner   do not restore ownership/privileges (restoring under another role)
#
# The application owns the schema (Flyway); a restore brings back the schema
# history table with it, so the app starts on the restored data without migrating.
# Exit codes: 0 restored, 1 failure, 2 usage error, 3 refused (non-empty target).
set -euo pipefail
shopt -s inherit_errexit

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib/pg-env.sh
. "$script_dir/lib/pg-env.sh"

force=false
jobs=2
owner_args=()
positional=()

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --force) force=true; shift ;;
    --jobs) jobs=${2:?--jobs needs a value}; shift 2 ;;
    --no-owner) owner_args=(--no-owner --no-privileges); shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; positional+=("$@"); break ;;
    -*) usage >&2; die "unknown option: $1" 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done

[[ ${#positional[@]} -eq 2 ]] || { usage >&2; die "expected DUMP_FILE and TARGET_DATABASE" 2; }
dump_file=${positional[0]}
target=${positional[1]}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive number, got '$jobs'" 2
[[ -n $target ]] || die "the target database name is empty" 2
[[ -r $dump_file ]] || die "cannot read dump file $dump_file" 2

require_command pg_restore psql createdb dropdb
if [[ -n ${DATABASE_URL:-} ]]; then
  pg_env_from_url "$DATABASE_URL"
fi
export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-10}
maintenance_db=${PG_MAINTENANCE_DB:-postgres}

if [[ -f $dump_file.sha256 ]] && command -v sha256sum >/dev/null 2>&1; then
  (cd "$(dirname "$dump_file")" && sha256sum --check --status -- "$(basename "$dump_file").sha256") \
    || die "checksum mismatch for $dump_file"
  log "checksum verified"
fi
pg_restore --list "$dump_file" >/dev/null || die "$dump_file is not a readable pg_dump custom-format archive"

if database_exists "$target"; then
  relations=$(user_relation_count "$target")
  if ((relations > 0)); then
    if [[ $force != true ]]; then
      log "refusing to restore: database '$target' already holds $relations relations"
      log "re-run with --force to drop and recreate it, or name a new database"
      exit 3
    fi
    log "--force: dropping database '$target' ($relations relations)"
    dropdb --maintenance-db="$maintenance_db" --force -- "$target"
    createdb --maintenance-db="$maintenance_db" -- "$target"
  else
    log "database '$target' exists and is empty: restoring into it"
  fi
else
  log "creating database '$target'"
  createdb --maintenance-db="$maintenance_db" -- "$target"
fi

log "restoring $dump_file into '$target' with $jobs jobs"
pg_restore --exit-on-error --no-password --jobs="$jobs" "${owner_args[@]}" \
  --dbname="$target" "$dump_file"

# pg_restore does not carry planner statistics; without them the first hours
# after a disaster recovery would run on bad plans.
psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname "$target" --command 'ANALYZE;'
log "restore of '$target' complete"
