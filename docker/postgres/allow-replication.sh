#!/bin/sh
# Runs once, when the db container initialises an empty volume (docker-entrypoint-initdb.d):
# lets the db-replica service (compose profile "replica") stream WAL as the database user.
# An existing volume needs the same line once, see docs/operations.md ("Read replica").
set -eu
echo "host replication ${POSTGRES_USER} all scram-sha-256" >>"${PGDATA}/pg_hba.conf"
