#!/usr/bin/env bash
# Builds the real Dockerfile and runs the image against the machine's PostgreSQL and Redis:
# readiness, /health, the image's own HEALTHCHECK, and exit code 0 after SIGTERM.
#
#   bash .ci/image.sh            (from .ci/run; needs root)
#
# The Docker engine is CI's private one (.ci/engine.sh). No image registry is reachable, so
# the base images are made locally and passed as build arguments:
#   BUILD_IMAGE    Debian bookworm (debootstrap) + Debian's maven and openjdk-17-jdk-headless,
#                  with the machine's Java trust store
#   RUNTIME_IMAGE  Debian bookworm (debootstrap) + the machine's Temurin 25 (no Debian package
#                  provides Java 25), at /opt/java/openjdk as in eclipse-temurin images
# Exit codes: 0 passed, 1 failed, 3 the engine could not start (the caller says so loudly).
set -euo pipefail
cd "$(dirname "$0")/.."

temurin=${TEMURIN_25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
port=8000
container=order-backend-ci-$$
db=order_backend_ci_docker_$$
# shellcheck source=.ci/engine.sh
source .ci/engine.sh

cleanup() {
  if [[ -n $engine_pid ]]; then
    docker rm -f "$container" >/dev/null 2>&1 || true
  fi
  stop_engine
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db" postgres >/dev/null 2>&1 || true
}
trap cleanup EXIT

base_images() {
  debian_image
  # The machine's Java trust store goes in, so Maven in the build reaches Maven Central
  # exactly as the machine's own Maven does (its tag changes when the store does).
  build_image=ci/maven:jdk17-$(sha256sum /etc/ssl/certs/java/cacerts | cut -c1-12)
  if ! has_image "$build_image"; then
    log "build image: Debian's maven and openjdk-17-jdk-headless"
    mkdir -p "$run/maven"
    cp /etc/ssl/certs/java/cacerts "$run/maven/cacerts"
    printf '%s\n' 'FROM ci/debian:bookworm' \
      'RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends maven openjdk-17-jdk-headless ca-certificates && rm -rf /var/lib/apt/lists/*' \
      'COPY cacerts /etc/ssl/certs/java/cacerts' >"$run/maven/Dockerfile"
    DOCKER_BUILDKIT=1 docker build -q --network host -t "$build_image" "$run/maven" >/dev/null
  fi
  # Rebuilt when the machine's Temurin changes (its release file is part of the tag).
  local jre_tag
  jre_tag=ci/temurin:25-$(sha256sum "$temurin/release" | cut -c1-12)
  if ! has_image "$jre_tag"; then
    log "runtime image: the machine's Temurin 25 at /opt/java/openjdk"
    mkdir -p "$run/jdk"
    cp -a "$temurin/." "$run/jdk/openjdk"
    printf '%s\n' 'FROM ci/debian:bookworm' 'COPY openjdk /opt/java/openjdk' \
      'ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      >"$run/jdk/Dockerfile"
    DOCKER_BUILDKIT=1 docker build -q -t "$jre_tag" "$run/jdk" >/dev/null
    rm -rf "$run/jdk"
  fi
  runtime_image=$jre_tag
}

build_app() {
  # The "# syntax=" line would make BuildKit pull its frontend from Docker Hub; the engine's
  # built-in frontend reads the rest of the file unchanged.
  sed '1{/^# syntax=/d}' Dockerfile >"$run/Dockerfile"
  local started=$SECONDS
  DOCKER_BUILDKIT=1 docker build --network host --progress plain -f "$run/Dockerfile" \
    --build-arg BUILD_IMAGE="$build_image" --build-arg RUNTIME_IMAGE="$runtime_image" \
    --build-arg REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
    -t order-backend:ci . >"$run/build.log" 2>&1 || { tail -60 "$run/build.log"; return 1; }
  log "image built in $((SECONDS - started)) s: $(docker image inspect -f '{{.Size}}' order-backend:ci | awk '{printf "%.0f MB", $1/1e6}')"
}

run_app() {
  psql -q -h 127.0.0.1 -U postgres -c "create database $db" postgres
  # As Kubernetes runs it: read-only root, a writable /tmp, no capabilities, uid 10001 (the image's USER).
  docker run -d --name "$container" --network host --read-only --tmpfs /tmp:size=256m \
    --cap-drop ALL --security-opt no-new-privileges --memory 512m --stop-timeout 40 \
    -e DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db" -e REDIS_URL=redis://127.0.0.1:6379/0 \
    -e SECRET_KEY=ci-docker-image-check-0123456789abcdefghijkl order-backend:ci >/dev/null
  local started=$SECONDS _ health=""
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/readiness" 2>/dev/null && break
    [[ $(docker inspect -f '{{.State.Running}}' "$container") == true ]] || { docker logs "$container" 2>&1 | tail -40; return 1; }
    sleep 0.25
  done
  curl -fsS "http://127.0.0.1:$port/health/readiness" | jq -e '.status == "UP"' >/dev/null
  log "container ready in $((SECONDS - started)) s"
  for _ in $(seq 1 20); do
    health=$(curl -sS "http://127.0.0.1:$port/health") &&
      jq -e '.status == "UP" and .components.db.status == "UP" and .components.redis.status == "UP"' <<<"$health" >/dev/null &&
      break
    sleep 0.5
  done
  jq -e '.status == "UP"' <<<"$health" >/dev/null || { echo "/health: $health"; return 1; }
  log "/health: $(jq -c '{status, components: (.components | map_values(.status))}' <<<"$health")"
  # (Into a file first: grep -q leaving a pipe early would fail the pipeline.)
  docker logs "$container" >"$run/app.log" 2>&1
  grep -q 'Starting AOT-processed OrderBackendApplication' "$run/app.log" \
    || { echo "the image did not start from the Spring AOT definitions"; head -20 "$run/app.log"; return 1; }
  if grep -iE '\[aot\].*(error|warning)|AOT cache .*(disabled|not used|mismatch)|Unable to use' "$run/app.log"; then
    echo "the JVM did not use the image's AOT cache (above)"; return 1
  fi
  log "started from the Spring AOT definitions and the image's Java AOT cache"
  # The image's read-only root: nothing may have been written outside /tmp.
  [[ -z $(docker diff "$container") ]] || { echo "files changed in the image:"; docker diff "$container"; return 1; }
  # The Dockerfile's HEALTHCHECK (its first probe comes after 15 s).
  for _ in $(seq 1 60); do
    [[ $(docker inspect -f '{{.State.Health.Status}}' "$container") == healthy ]] && break
    sleep 1
  done
  [[ $(docker inspect -f '{{.State.Health.Status}}' "$container") == healthy ]] \
    || { docker inspect -f '{{json .State.Health}}' "$container"; return 1; }
  log "HEALTHCHECK: healthy"
  docker stop -t 40 "$container" >/dev/null
  local code
  code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
  log "SIGTERM: exit code $code"
  [[ $code == 0 ]] || { docker logs "$container" 2>&1 | tail -30; return 1; }
}

if ! start_engine; then
  exit 3
fi
base_images
build_app
run_app
log "the image passed"
