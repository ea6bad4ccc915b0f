#!/usr/bin/env bash
# Container health check without curl or wget in the image: one HTTP/1.0
# request over bash's /dev/tcp to the app's own port.
#   healthcheck.sh [PATH]   (default /health/readiness)
# Healthy only on a 200 answer within the timeout.
set -euo pipefail

path=${1:-/health/readiness}
port=${PORT:-8000}

exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nUser-Agent: docker-healthcheck\r\nConnection: close\r\n\r\n' "$path" >&3
status_line=""
IFS= read -r -t "${HEALTHCHECK_TIMEOUT:-4}" status_line <&3 || true
exec 3<&-

case $status_line in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) printf 'unhealthy: %s answered "%s"\n' "$path" "${status_line%$'\r'}" >&2; exit 1 ;;
esac
