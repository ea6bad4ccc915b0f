#!/usr/bin/env bash
# Restore drill: proves that today's backup of the order database restores to
# exactly the data it was taken from.
#
#   DATABASE_URL=postgresql://user:pass@host:5432/orders scripts/restore-drill.sh
#   PGHOST=… PGUSER=… PGDATABASE=orders scripts/restore-drill.sh [--keep-dump DIR]
#
#  1. opens a read-only snapshot of the source database and dumps exactly that
#     snapshot with scripts/backup-database.sh (so writes during the drill do
#     not cause false alarms on a live database);
#  2. restores the dump with scripts/restore-database.sh into a new scratch
#     database on the same server (the role needs CREATEDB);
#  3. compares, table by table, the row count and a SHA-256 of the table's
#     contents (COPY of every row ordered by primary key — or by the whole row
#     when there is none — streamed through sha256sum), the set of tables, the
#     sequences' values and the schema definition;
#  4. prints a report on stdout, drops the scratch database and exits 1 on any mismatch.
#
# Options:
#   --keep-dump DIR          keep the drill's dump in DIR (default: a temp dir, removed)
#   --jobs N                 parallel restore jobs (default 2)
#   --tamper-for-test SQL    run SQL in the restored copy before comparing; only
#                            for testing that the drill notices a bad restore
# Exit codes: 0 the restore matches, 1 mismatch, 2 usage error, other non-zero: a
# step failed (the failing command's own code).
set -euo pipefail
shopt -s inherit_errexit  # a failing query inside $(…) must stop the drill

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib/pg-env.sh
. "$script_dir/lib/pg-env.sh"

keep_dump_dir=""
jobs=2
tamper_sql=""

usage() { sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --keep-dump) keep_dump_dir=${2:?--keep-dump needs a directory}; shift 2 ;;
    --jobs) jobs=${2:?--jobs needs a value}; shift 2 ;;
    --tamper-for-test) tamper_sql=${2:?--tamper-for-test needs SQL}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done

require_command pg_dump pg_restore psql createdb dropdb sha256sum mkfifo
load_database_connection
source_db=$PGDATABASE
# Identical text rendering on both sides, whatever the role's settings are.
export PGOPTIONS="${PGOPTIONS:-} -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c TimeZone=UTC -c extra_float_digits=3 -c bytea_output=hex"

scratch_db="${RESTORE_DRILL_PREFIX:-restore_drill}_$(date -u +%Y%m%d%H%M%S)_$$"
work=$(mktemp -d "${TMPDIR:-/tmp}/restore-drill.XXXXXX")
snapshot_pid=""
scratch_created=false

cleanup() {
  local status=$?
  if [[ -n $snapshot_pid ]]; then
    { printf 'COMMIT;\n' >&7; exec 7>&-; } 2>/dev/null || true
    wait "$snapshot_pid" 2>/dev/null || true
  fi
  if [[ $scratch_created == true ]]; then
    if dropdb --maintenance-db="${PG_MAINTENANCE_DB:-postgres}" --if-exists --force -- "$scratch_db"; then
      log "dropped scratch database '$scratch_db'"
    else
      log "WARNING: could not drop scratch database '$scratch_db': drop it by hand"
      status=1
    fi
  fi
  rm -rf -- "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql_in() { # psql_in DB [psql args…] < SQL
  local db=$1; shift
  psql --no-psqlrc --quiet --tuples-only --no-align --field-separator=$'\t' \
    --set ON_ERROR_STOP=1 --dbname "$db" "$@"
}

# 1. A snapshot held open by a background session; pg_dump and the source side
#    of the comparison both read it.
mkfifo "$work/snapshot.in"
psql_in "$source_db" <"$work/snapshot.in" >"$work/snapshot.out" 2>&1 &
snapshot_pid=$!
exec 7>"$work/snapshot.in"
printf 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\nSELECT pg_export_snapshot();\n' >&7
snapshot=""
for _ in $(seq 1 100); do
  snapshot=$(grep -m1 -E '^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$' "$work/snapshot.out" || true)
  [[ -n $snapshot ]] && break
  kill -0 "$snapshot_pid" 2>/dev/null || break
  sleep 0.1
done
[[ -n $snapshot ]] || die "could not open a snapshot of '$source_db': $(cat "$work/snapshot.out")"
log "source '$source_db' snapshot $snapshot"

dump_dir=${keep_dump_dir:-$work/dump}
dump_file=$("$script_dir/backup-database.sh" --output-dir "$dump_dir" --retention-days 0 \
  --no-upload --snapshot "$snapshot")

# 2. Restore into the scratch database.
scratch_created=true
"$script_dir/restore-database.sh" --no-owner --jobs "$jobs" "$dump_file" "$scratch_db"

if [[ -n $tamper_sql ]]; then
  log "TEST HOOK: tampering with the restored copy: $tamper_sql"
  psql_in "$scratch_db" --command "$tamper_sql" >/dev/null
fi

# 3. Compare.
# "schema.table<TAB>ordering" for every ordinary or partitioned table.
table_list_sql=$(cat <<'SQL'
SELECT format('%I.%I', n.nspname, c.relname),
       coalesce((SELECT string_agg(format('%I', a.attname), ', ' ORDER BY k.ord)
                 FROM pg_index i
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 WHERE i.indrelid = c.oid AND i.indisprimary), '')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY 1;
SQL
)
sequence_sql="SELECT format('%I.%I', schemaname, sequencename) || '=' || coalesce(last_value::text, 'unset') FROM pg_sequences ORDER BY 1;"

# Runs SQL in DB, inside the exported snapshot when reading the source.
in_view() { # in_view DB SQL
  if [[ $1 == "$source_db" ]]; then
    psql_in "$1" <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SET TRANSACTION SNAPSHOT '$snapshot';
$2
COMMIT;
SQL
  else
    psql_in "$1" <<<"$2"
  fi
}

table_digest() { # table_digest DB TABLE ORDERING -> "rows sha256"
  local db=$1 table=$2 ordering=$3 rows digest
  [[ -n $ordering ]] || ordering='t::text COLLATE "C"'
  rows=$(in_view "$db" "SELECT count(*) FROM $table;")
  [[ $rows =~ ^[0-9]+$ ]] || die "could not count the rows of $table in '$db'"
  digest=$(in_view "$db" "COPY (SELECT t.* FROM $table AS t ORDER BY $ordering) TO STDOUT;" | sha256sum | cut -c1-64)
  printf '%s %s\n' "$rows" "$digest"
}

schema_digest() { # the schema without ownership, comments or session keys
  local db=$1 snap_args=()
  [[ $db == "$source_db" ]] && snap_args=(--snapshot "$snapshot")
  # Casts and parentheses dropped: PostgreSQL prints some expressions (x IN (...) on varchar) differently
  # after a restore, though they mean the same.
  pg_dump --schema-only --no-owner --no-privileges --no-comments "${snap_args[@]}" --dbname "$db" \
    | grep -v -E '^(--|\\restrict|\\unrestrict|SET |SELECT pg_catalog\.set_config)' \
    | sed -E 's/::[a-z_ ]+(\[\])?//g; s/[()]//g' | sha256sum | cut -c1-64
}

in_view "$source_db" "$table_list_sql" >"$work/source.tables"
in_view "$scratch_db" "$table_list_sql" >"$work/restored.tables"

mismatches=0
tables=0
total_rows=0
report="$work/report"
printf '%-44s %12s %12s  %-16s %s\n' TABLE SOURCE_ROWS RESTORED_ROWS SHA256 RESULT >"$report"

while IFS=$'\t' read -r -u 8 table ordering; do
  [[ -n $table ]] || continue
  tables=$((tables + 1))
  src=$(table_digest "$source_db" "$table" "$ordering")
  read -r src_rows src_sum <<<"$src"
  if ! grep -q -F -x -- "$(printf '%s\t%s' "$table" "$ordering")" "$work/restored.tables"; then
    printf '%-44s %12s %12s  %-16s %s\n' "$table" "$src_rows" "-" "${src_sum:0:16}" "MISSING IN RESTORE" >>"$report"
    mismatches=$((mismatches + 1))
    continue
  fi
  dst=$(table_digest "$scratch_db" "$table" "$ordering")
  read -r dst_rows dst_sum <<<"$dst"
  total_rows=$((total_rows + src_rows))
  result=OK
  if [[ $src_rows != "$dst_rows" ]]; then
    result="ROW COUNT DIFFERS"
  elif [[ $src_sum != "$dst_sum" ]]; then
    result="CONTENT DIFFERS (restored ${dst_sum:0:16})"
  fi
  [[ $result == OK ]] || mismatches=$((mismatches + 1))
  printf '%-44s %12s %12s  %-16s %s\n' "$table" "$src_rows" "$dst_rows" "${src_sum:0:16}" "$result" >>"$report"
done 8<"$work/source.tables"

while IFS=$'\t' read -r table _; do
  if ! cut -f1 "$work/source.tables" | grep -q -F -x -- "$table"; then
    printf '%-44s %12s %12s  %-16s %s\n' "$table" "-" "?" "" "ONLY IN RESTORE" >>"$report"
    mismatches=$((mismatches + 1))
  fi
done <"$work/restored.tables"

# Sequences are not transactional: on a live source they move on after the snapshot, so the
# restored values are compared with the values the dump recorded.
pg_restore -l "$dump_file" | grep -E ' SEQUENCE SET ' >"$work/sequences.list" || true
pg_restore --data-only --use-list="$work/sequences.list" -f - "$dump_file" \
  | sed -nE "s/^SELECT pg_catalog\.setval\('([^']+)', ([0-9]+), (true|false)\);$/\1 \2 \3/p" \
  | while read -r name value called; do
      if [[ $called == true ]]; then printf '%s=%s\n' "$name" "$value"; else printf '%s=unset\n' "$name"; fi
    done | LC_ALL=C sort >"$work/source.sequences"
in_view "$scratch_db" "$sequence_sql" | LC_ALL=C sort >"$work/restored.sequences"
sequence_count=$(grep -c . "$work/source.sequences" || true)
if diff -u "$work/source.sequences" "$work/restored.sequences" >"$work/sequences.diff"; then
  sequence_result="all $sequence_count match"
else
  sequence_result="DIFFER: $(grep -E '^[-+][^-+]' "$work/sequences.diff" | tr '\n' ' ')"
  mismatches=$((mismatches + 1))
fi

source_schema=$(schema_digest "$source_db")
restored_schema=$(schema_digest "$scratch_db")
if [[ $source_schema == "$restored_schema" ]]; then
  schema_result="identical"
else
  schema_result="DIFFERS"
  mismatches=$((mismatches + 1))
fi

# 4. Report.
{
  printf '\nRestore drill %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'source:   %s on %s:%s (snapshot %s)\n' "$source_db" "${PGHOST:-local socket}" "${PGPORT:-5432}" "$snapshot"
  printf 'dump:     %s (%s)\n' "$(basename "$dump_file")" "$(du -h -- "$dump_file" | cut -f1)"
  printf 'restored: %s\n\n' "$scratch_db"
  cat "$report"
  printf '\nsequences: %s\nschema:    %s\n' "$sequence_result" "$schema_result"
}

if ((mismatches > 0)); then
  printf 'RESULT: FAIL — %d mismatch(es) across %d tables\n' "$mismatches" "$tables"
  exit 1
fi
if ((tables == 0)); then
  printf 'RESULT: FAIL — the source database has no tables; nothing was proven\n'
  exit 1
fi
printf 'RESULT: PASS — %d tables, %d rows, contents identical\n' "$tables" "$total_rows"
