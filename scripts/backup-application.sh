#!/usr/bin/env bash
# Backs up the deployment configuration (not the data: see backup-database.sh).
#
#   scripts/backup-application.sh [--output-dir DIR] [--source-dir DIR]
#
# Archives k8s/, nginx/, monitoring/, cloud/, terraform/ (without provider
# caches, state or *.tfvars, which can hold secrets), docker/, the compose
# files, Dockerfile and .env.example into
#   DIR/order-backend-config-<UTC timestamp>.tar.gz   (plus a .sha256 file)
#
# Secrets never go into the archive in clear. A .env file in the source
# directory is added only encrypted, and only when BACKUP_PASSPHRASE is set:
# gpg --symmetric (AES256) when gpg is installed, else openssl enc
# (AES-256-CBC, PBKDF2). Without a passphrase the .env is skipped, and the
# script says so. Decrypt with
#   gpg --decrypt secrets/.env.gpg > .env
#   openssl enc -d -aes-256-cbc -pbkdf2 -iter 200000 -in secrets/.env.enc -out .env
#
#   --output-dir DIR   [BACKUP_DIR, default ./backups]
#   --source-dir DIR   the repository checkout to back up (default: this script's repo)
#   --retention-days N delete older configuration archives [BACKUP_RETENTION_DAYS, default 7]
set -euo pipefail
shopt -s inherit_errexit

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$script_dir/.." && pwd)
output_dir=${BACKUP_DIR:-./backups}
retention_days=${BACKUP_RETENTION_DAYS:-7}

log() { printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit "${2:-1}"; }
usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --output-dir) output_dir=${2:?--output-dir needs a value}; shift 2 ;;
    --source-dir) source_dir=${2:?--source-dir needs a value}; shift 2 ;;
    --retention-days) retention_days=${2:?--retention-days needs a value}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" 2 ;;
  esac
done
[[ -d $source_dir ]] || die "source directory $source_dir does not exist" 2
[[ $retention_days =~ ^[0-9]+$ ]] || die "retention days must be a whole number" 2
source_dir=$(cd "$source_dir" && pwd)
mkdir -p -- "$output_dir"
output_dir=$(cd "$output_dir" && pwd)

umask 077
stamp=$(date -u +%Y%m%dT%H%M%SZ)
archive="$output_dir/order-backend-config-$stamp.tar.gz"
staging=$(mktemp -d "${TMPDIR:-/tmp}/app-backup.XXXXXX")
trap 'rm -rf -- "$staging"; rm -f -- "$archive.partial"' EXIT

candidates=(k8s nginx monitoring cloud terraform docker docker-compose.prod.yml
  docker-compose.monitoring.yml Dockerfile .dockerignore .env.example)
included=()
for item in "${candidates[@]}"; do
  if [[ -e $source_dir/$item ]]; then
    included+=("$item")
  else
    log "not present, skipped: $item"
  fi
done
((${#included[@]} > 0)) || die "nothing to back up in $source_dir"

# Copy into a staging tree first so what is archived is exactly what was checked.
tar -C "$source_dir" -cf - \
  --exclude='.terraform' --exclude='*.tfstate' --exclude='*.tfstate.*' \
  --exclude='*.tfvars' --exclude='.env' --exclude='*.pem' --exclude='*.key' \
  --exclude='monitoring/secrets' -- "${included[@]}" | tar -C "$staging" -xf -

if [[ -f $source_dir/.env ]]; then
  mkdir -p "$staging/secrets"
  if [[ -z ${BACKUP_PASSPHRASE:-} ]]; then
    log "WARNING: $source_dir/.env found but BACKUP_PASSPHRASE is not set: .env NOT backed up"
    log "         (set BACKUP_PASSPHRASE to include it encrypted; it is never archived in clear)"
    rmdir "$staging/secrets"
  elif command -v gpg >/dev/null 2>&1; then
    # The passphrase travels on file descriptor 3, never on the command line.
    # A throw-away keyring home keeps the operator's ~/.gnupg out of it.
    gnupg_home=$(mktemp -d "${TMPDIR:-/tmp}/app-backup-gnupg.XXXXXX")
    GNUPGHOME=$gnupg_home gpg --batch --quiet --yes \
      --pinentry-mode loopback --passphrase-fd 3 --symmetric --cipher-algo AES256 \
      --output "$staging/secrets/.env.gpg" "$source_dir/.env" 3<<<"$BACKUP_PASSPHRASE"
    GNUPGHOME=$gnupg_home gpgconf --kill gpg-agent 2>/dev/null || true
    rm -rf -- "$gnupg_home"
    log ".env included, encrypted with gpg (secrets/.env.gpg)"
  elif command -v openssl >/dev/null 2>&1; then
    openssl enc -aes-256-cbc -pbkdf2 -iter 200000 -salt -pass env:BACKUP_PASSPHRASE \
      -in "$source_dir/.env" -out "$staging/secrets/.env.enc"
    log ".env included, encrypted with openssl (secrets/.env.enc)"
  else
    die "BACKUP_PASSPHRASE is set but neither gpg nor openssl is installed"
  fi
else
  log "no .env in $source_dir: nothing secret to include"
fi

# Last line of defence: nothing that looks like a clear secret file.
if find "$staging" \( -name '.env' -o -name '*.tfstate' -o -name '*.tfvars' \) -print -quit | grep -q .; then
  die "refusing to archive: a clear secret file reached the staging tree"
fi

{
  printf 'created: %s\n' "$stamp"
  printf 'source: %s\n' "$source_dir"
  if git -C "$source_dir" rev-parse --verify -q HEAD >/dev/null 2>&1; then
    printf 'git commit: %s\n' "$(git -C "$source_dir" rev-parse HEAD)"
  fi
  printf 'contents:\n'
  (cd "$staging" && find . -type f ! -name MANIFEST -print0 | sort -z | xargs -0 sha256sum)
} >"$staging/MANIFEST"

tar -C "$staging" -czf "$archive.partial" .
mv -- "$archive.partial" "$archive"
(cd "$output_dir" && sha256sum -- "$(basename "$archive")" >"$(basename "$archive").sha256")
log "configuration archived: $archive ($(du -h -- "$archive" | cut -f1))"

if ((retention_days > 0)); then
  while IFS= read -r -d '' old; do
    log "retention: removing $old"
    rm -f -- "$old" "$old.sha256"
  done < <(find "$output_dir" -maxdepth 1 -type f -name 'order-backend-config-*.tar.gz' \
    -mmin "+$((retention_days * 24 * 60))" -print0)
fi

printf '%s\n' "$archive"
