#!/bin/sh
# The db-replica service: on an empty volume, a base backup of db (pg_basebackup -R writes
# standby.signal and primary_conninfo), then PostgreSQL as a hot standby that streams from it.
set -eu
if [ ! -s "${PGDATA}/PG_VERSION" ]; then
  until pg_isready -q -h db -p 5432 -U "${POSTGRES_USER}"; do sleep 2; done
  mkdir -p "${PGDATA}"
  chown postgres "${PGDATA}"
  chmod 700 "${PGDATA}"
  su-exec postgres env PGPASSWORD="${POSTGRES_PASSWORD}" \
    pg_basebackup -h db -p 5432 -U "${POSTGRES_USER}" -D "${PGDATA}" -R -X stream
fi
# max_connections must be at least the primary's for a hot standby.
exec docker-entrypoint.sh postgres -c hot_standby=on -c max_connections=200
