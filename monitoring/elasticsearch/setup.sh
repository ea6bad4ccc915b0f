#!/usr/bin/env bash
# Installs the log retention policy and the index template of the order-backend
# logs into Elasticsearch (idempotent: PUT replaces). Run once by the logs-setup
# service of docker-compose.monitoring.yml, or by hand:
#   ES_URL=http://127.0.0.1:9200 monitoring/elasticsearch/setup.sh
set -euo pipefail
es=${ES_URL:-http://elasticsearch:9200}
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

put() { # put PATH FILE: the file without its "_comment" key
  local body
  body=$(sed '/"_comment"/d' "$2")
  curl -fsS -X PUT "$es/$1" -H 'Content-Type: application/json' --data-binary "$body"
  echo
}

for _ in $(seq 1 60); do
  curl -fsS "$es/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1 && break
  sleep 5
done
put _ilm/policy/order-backend-logs "$dir/ilm-policy.json"
put _index_template/logs-order_backend "$dir/index-template.json"
echo "order-backend log retention and template installed in $es"
