#!/usr/bin/env bash
# The private Docker engine of CI, sourced by .ci/image.sh and .ci/testcontainers.sh.
#
# The engine (Debian's docker.io) runs on a private socket, never /var/run/docker.sock, so
# nothing else on the machine changes, without a bridge or iptables rules (containers use the
# host's network). No image registry is reachable, so images are made locally from a
# debootstrap of Debian bookworm. The engine's data root (images, build cache) and the
# debootstrap tarball stay in $ORDER_BACKEND_CI_CACHE (default /var/cache/order-backend-ci).
# The sourcing script calls start_engine, and stop_engine from its EXIT trap.

cache=${ORDER_BACKEND_CI_CACHE:-/var/cache/order-backend-ci}
run=$(mktemp -d /tmp/ci-engine.XXXXXX)
export DOCKER_HOST=unix://$run/docker.sock
engine_pid=""

# Debian's client (docker.io) has BuildKit built in; another docker on PATH may want buildx.
docker() { /usr/bin/docker "$@"; }

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

start_engine() {
  if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
  fi
  mkdir -p "$cache"
  # One engine per data root: another CI run on this machine waits here.
  exec 9>"$cache/engine.lock"
  flock -w 1800 9
  dockerd --host "$DOCKER_HOST" --data-root "$cache/docker" --exec-root "$run/exec" \
    --pidfile "$run/docker.pid" --bridge none --iptables=false --ip6tables=false \
    >"$run/dockerd.log" 2>&1 &
  engine_pid=$!
  local _
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && { log "engine up: $(docker version -f '{{.Server.Version}}'), data root $cache/docker"; return 0; }
    kill -0 "$engine_pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -20 "$run/dockerd.log"
  return 1
}

stop_engine() {
  if [[ -n $engine_pid ]]; then
    kill "$engine_pid" 2>/dev/null || true
    wait "$engine_pid" 2>/dev/null || true
  fi
  # The engine leaves its network namespace mounted under its exec root.
  awk -v dir="$run/" 'index($2, dir) == 1 {print $2}' /proc/mounts | sort -r | xargs -r umount -l 2>/dev/null || true
  rm -rf "$run"
}

# debootstrap once; the tarball is the cache.
debian_rootfs() {
  local tar=$cache/bookworm-minbase.tar
  if [[ ! -s $tar ]]; then
    log "debootstrap bookworm (minbase), cached as $tar"
    debootstrap --variant=minbase bookworm "$run/rootfs" http://deb.debian.org/debian >"$run/debootstrap.log" 2>&1 \
      || { tail -20 "$run/debootstrap.log"; return 1; }
    rm -rf "$run/rootfs/var/cache/apt/archives/"*.deb
    tar -C "$run/rootfs" -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
    rm -rf "$run/rootfs"
  fi
  printf '%s' "$tar"
}

has_image() { docker image inspect "$1" >/dev/null 2>&1; }

# ci/debian:bookworm, the base of every image CI makes.
debian_image() {
  local tar
  if ! has_image ci/debian:bookworm; then
    tar=$(debian_rootfs)
    docker import "$tar" ci/debian:bookworm >/dev/null
  fi
}
