#!/usr/bin/env bash
# Backs up the order database with pg_dump (custom format, compressed).
#
#   DATABASE_URL=postgresql://user:pass@host:5432/orders scripts/backup-database.sh
#   PGHOST=… PGUSER=… PGDATABASE=orders scripts/backup-database.sh --output-dir /var/backups/orders
#
# Options (each also settable through the environment variable in brackets):
#   --output-dir DIR       where dumps go                      [BACKUP_DIR, default ./backups]
#   --retention-days N     delete this database's dumps older than N days, 0 keeps all
#                                                              [BACKUP_RETENTION_DAYS, default 7]
#   --s3-bucket NAME       also upload to s3://NAME/PREFIX/    [BACKUP_S3_BUCKET]
#   --s3-prefix PREFIX     key prefix in the bucket            [BACKUP_S3_PREFIX, default order-backend/db]
#   --no-upload            never upload, even when a bucket is configured
#   --compress N           pg_dump compression level 0-9       [BACKUP_COMPRESSION, default 6]
#   --snapshot ID          dump an exported snapshot (used by restore-drill.sh)
#
# With BACKUP_METRICS_DIR set (node_exporter's --collector.textfile.directory), a
# successful run writes order_backend_backup_last_success_timestamp_seconds and
# order_backend_backup_size_bytes there (monitoring/alerts.yml: BackupTooOld).
#
# The upload happens when a bucket is named and the aws CLI is installed; a
# bucket named without the aws CLI is an error. The path of the new dump is the
# only thing printed on stdout (logs go to stderr), so other scripts can use it.
# Exits non-zero on any failure; a failed dump leaves no partial file behind.
set -euo pipefail
shopt -s inherit_errexit

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib/pg-env.sh
. "$script_dir/lib/pg-env.sh"

output_dir=${BACKUP_DIR:-./backups}
retention_days=${BACKUP_RETENTION_DAYS:-7}
s3_bucket=${BACKUP_S3_BUCKET:-}
s3_prefix=${BACKUP_S3_PREFIX:-order-backend/db}
compression=${BACKUP_COMPRESSION:-6}
upload=true
snapshot_args=()

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --output-dir) output_dir=${2:?--output-dir needs a value}; shift 2 ;;
    --retention-days) retention_days=${2:?--retention-days needs a value}; shift 2 ;;
    --s3-bucket) s3_bucket=${2:?--s3-bucket needs a value}; shift 2 ;;
    --s3-prefix) s3_prefix=${2:?--s3-prefix needs a value}; shift 2 ;;
    --compress) compression=${2:?--compress needs a value}; shift 2 ;;
    --no-upload) upload=false; shift ;;
    --snapshot) snapshot_args=(--snapshot="${2:?--snapshot needs a value}"); shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done

[[ $retention_days =~ ^[0-9]+$ ]] || die "retention days must be a whole number, got '$retention_days'" 2
[[ $compression =~ ^[0-9]$ ]] || die "compression must be 0-9, got '$compression'" 2

require_command pg_dump pg_restore
load_database_connection

if [[ $upload == true && -n $s3_bucket ]]; then
  command -v aws >/dev/null 2>&1 || die "BACKUP_S3_BUCKET is set to '$s3_bucket' but the aws CLI is not installed"
fi

mkdir -p -- "$output_dir"
umask 077

# The database name goes into the file name; keep it to safe characters.
safe_name=$(printf '%s' "$PGDATABASE" | tr -c 'A-Za-z0-9_.-' '_')
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dump_file="$output_dir/${safe_name}-${stamp}.dump"
partial="$dump_file.partial"
trap 'rm -f -- "$partial"' EXIT

log "dumping database '$PGDATABASE' from ${PGHOST:-local socket}:${PGPORT:-5432} to $dump_file"
pg_dump --format=custom --compress="$compression" --no-password "${snapshot_args[@]}" \
  --file="$partial" --dbname="$PGDATABASE"

# A dump that pg_restore cannot read is no backup.
pg_restore --list "$partial" >/dev/null || die "pg_restore cannot read the new dump $partial"
mv -- "$partial" "$dump_file"
trap - EXIT

if command -v sha256sum >/dev/null 2>&1; then
  (cd "$output_dir" && sha256sum -- "$(basename "$dump_file")" >"$(basename "$dump_file").sha256")
fi
log "dump complete: $(du -h -- "$dump_file" | cut -f1)"

if [[ $upload == true && -n $s3_bucket ]]; then
  target="s3://$s3_bucket/${s3_prefix%/}/$(basename "$dump_file")"
  log "uploading to $target"
  aws s3 cp --only-show-errors --sse AES256 -- "$dump_file" "$target"
  if [[ -f $dump_file.sha256 ]]; then
    aws s3 cp --only-show-errors --sse AES256 -- "$dump_file.sha256" "$target.sha256"
  fi
elif [[ $upload == true ]]; then
  log "no BACKUP_S3_BUCKET set: keeping the dump locally only"
fi

if ((retention_days > 0)); then
  # Only this database's dumps, named by this script, are ever removed.
  while IFS= read -r -d '' old; do
    log "retention: removing $old (older than $retention_days days)"
    rm -f -- "$old" "$old.sha256"
  done < <(find "$output_dir" -maxdepth 1 -type f -name "${safe_name}-*.dump" \
    -mmin "+$((retention_days * 24 * 60))" -print0)
fi

if [[ -n ${BACKUP_METRICS_DIR:-} ]]; then
  # Written beside, then renamed: node_exporter never reads a half-written file.
  metrics_file="$BACKUP_METRICS_DIR/order_backend_backup_${safe_name}.prom"
  {
    echo "# HELP order_backend_backup_last_success_timestamp_seconds When the last database backup succeeded."
    echo "# TYPE order_backend_backup_last_success_timestamp_seconds gauge"
    echo "order_backend_backup_last_success_timestamp_seconds{database=\"$safe_name\"} $(date +%s)"
    echo "# HELP order_backend_backup_size_bytes Size of the last database backup."
    echo "# TYPE order_backend_backup_size_bytes gauge"
    echo "order_backend_backup_size_bytes{database=\"$safe_name\"} $(stat -c %s -- "$dump_file")"
  } >"$metrics_file.tmp"
  mv -f -- "$metrics_file.tmp" "$metrics_file"
  log "metrics written to $metrics_file"
fi

printf '%s\n' "$dump_file"
