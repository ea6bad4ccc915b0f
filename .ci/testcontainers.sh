#!/usr/bin/env bash
# The test suite once more, on Java 25 (the image's runtime, with virtual threads) and in
# Testcontainers mode: PostgreSQL and Redis in containers on CI's private engine
# (.ci/engine.sh), their images made from Debian's packages (.ci/services/). It runs what the
# first `mvn -B verify` compiled and packaged: the surefire and failsafe goals only.
#
#   bash .ci/testcontainers.sh            (from .ci/run; needs root)
#
# Exit codes: 0 passed, 1 failed, 3 the engine could not start (the caller says so loudly).
set -euo pipefail
cd "$(dirname "$0")/.."

java25=${TEMURIN_25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# shellcheck source=.ci/engine.sh
source .ci/engine.sh

cleanup() {
  if [[ -n $engine_pid ]]; then
    # without Ryuk the suite's containers stay behind, stopped, in the cached data root
    docker ps -aq --filter label=org.testcontainers=true | xargs -r /usr/bin/docker rm -f >/dev/null 2>&1 || true
  fi
  stop_engine
}
trap cleanup EXIT

# ci/<service>:<hash of its files>, built once.
service_image() {
  local tag
  tag=ci/$1:$(cat ".ci/services/$1"/* | sha256sum | cut -c1-12)
  if ! has_image "$tag"; then
    log "image $tag: Debian's $1"
    DOCKER_BUILDKIT=1 docker build -q --network host -t "$tag" ".ci/services/$1" >/dev/null
  fi
  printf '%s' "$tag"
}

if ! start_engine; then
  exit 3
fi
debian_image
postgres_image=$(service_image postgres)
redis_image=$(service_image redis)
# the engine has no bridge network, where Testcontainers would look the host address up
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 ORDER_BACKEND_TEST_SERVICES=containers \
  ORDER_BACKEND_TEST_POSTGRES_IMAGE=$postgres_image ORDER_BACKEND_TEST_REDIS_IMAGE=$redis_image
log "suite on $("$java25/bin/java" -version 2>&1 | head -1) with $postgres_image and $redis_image"
JAVA_HOME=$java25 mvn -B surefire:test failsafe:integration-test failsafe:verify
