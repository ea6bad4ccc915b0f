# syntax=docker/dockerfile:1
#
# order-backend image: ghcr.io/OWNER/order-backend:<commit sha>
#   docker build -t ghcr.io/OWNER/order-backend:$(git rev-parse HEAD) .
#
# Stage 1 builds the Spring Boot jar with Maven on JDK 17 (the project's
# bytecode level) and splits it into its layers; stage 2 is a Java 25 JRE that
# only carries the layers, so a code change re-ships the small application
# layer and not the ~100 MB of dependencies.
#
# Base images are pinned by digest (the multi-platform index), so a rebuild of the same
# commit starts from the same bytes; the tag stays for readers and tools. To refresh
# (e.g. monthly, or for a base image's security fix), resolve the tag and replace the digest:
#   docker buildx imagetools inspect eclipse-temurin:25-jre --format '{{json .Manifest.Digest}}'
#   docker buildx imagetools inspect maven:3.9-eclipse-temurin-17 --format '{{json .Manifest.Digest}}'
# then build, and let CI's Trivy scan judge the new base. The build arguments exist for
# machines without a registry: .ci/image.sh passes base images it made with debootstrap.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17@sha256:1ed5d1f54416b706707b4f3238f63a20bb06aab27c6d240090a2bb9ad895ed45
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre@sha256:681c543d6f36c50f45e9b5226930a46203dcfa351d3670e9d0bdf0dabae53539

FROM ${BUILD_IMAGE} AS build
WORKDIR /build
# Dependencies first: this layer is reused until pom.xml changes. go-offline is
# only a cache warm-up (it cannot see every plugin's needs); the package step
# below fetches whatever it missed, so its failure is not fatal.
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline -DskipTests || true
COPY src ./src
# Only read by git-commit-id-maven-plugin, so /info can name the commit.
COPY .git ./.git
# Tests ran in CI (mvn verify) before the image is built.
# -Dimage: without the embedded PostgreSQL (production refuses it; 83 MB of binaries).
# package also runs Spring AOT (process-aot): the bean definitions as generated code.
# The extracted layout (app.jar + lib/*.jar, no launcher) is what the Java AOT cache needs:
# it holds classes from plain jars on the class path, not from the nested jars of the Boot jar.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests -Dimage \
    && java -Djarmode=tools -jar target/order-backend-0.1.0-SNAPSHOT.jar \
         extract --layers --destination /build/extracted \
    && mv /build/extracted/application/order-backend-0.1.0-SNAPSHOT.jar /build/extracted/application/app.jar

FROM ${RUNTIME_IMAGE} AS runtime-base
ARG REVISION=unknown
LABEL org.opencontainers.image.title="order-backend" \
      org.opencontainers.image.description="Order management REST service" \
      org.opencontainers.image.source="https://github.com/OWNER/order-backend" \
      org.opencontainers.image.revision="${REVISION}"

# A fixed numeric uid, so Kubernetes can verify runAsNonRoot.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
         --shell /usr/sbin/nologin app

WORKDIR /app
# Least to most often changed, one image layer per Spring Boot layer: /app/lib/*.jar, /app/app.jar.
COPY --from=build --chown=10001:10001 /build/extracted/dependencies/ ./
COPY --from=build --chown=10001:10001 /build/extracted/spring-boot-loader/ ./
COPY --from=build --chown=10001:10001 /build/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=10001:10001 /build/extracted/application/ ./
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck

# Sized for the 512Mi pod limit (k8s/deployment.yaml), measured by bench/run.sh with the
# same options: heap 37.5 % = 192 MiB fixed (the live set after the benchmark is ~65 MiB;
# 70 % left too little for ~130 MiB of metaspace, ~60 MiB of code cache and the rest, and
# RSS reached 509 MiB at 256 MiB of heap); Serial GC (one core per pod); the code cache
# capped (it grew to 76 MiB uncapped); metaspace is not capped: a cap also bounds the Java 25
# AOT cache that can be written (-XX:MaxMetaspaceSize=192m made its creation fail); two malloc arenas
# instead of one per core-times-eight, and freed native memory handed back to the system every
# 10 s (the compilers' arenas and the start's peak: a one-off trim after load gave back 27 MiB).
# An out-of-memory JVM exits so the orchestrator
# restarts it instead of limping on. The training run below uses the same options: the AOT
# cache is only used by a JVM that runs with the settings it was made with.
ENV PORT=8000 \
    ENVIRONMENT=production \
    LOG_FORMAT=json \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=37.5 -XX:InitialRAMPercentage=37.5 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dfile.encoding=UTF-8"

# The training run: the service starts once here, against a throwaway PostgreSQL and Redis
# in this stage only (on unusual ports, so a build on the host's network meets no other server), exactly as the image starts it (the same jars, options and Spring AOT
# definitions, settings of the same shape), and the JVM writes the Java AOT cache of what it
# loaded and linked (JEP 483/514/515) when the context has refreshed (spring.context.exit).
FROM runtime-base AS train
USER root
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql redis-server \
    && rm -rf /var/lib/apt/lists/*
RUN set -eu; \
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | head -1); \
    mkdir -p /tmp/train-pg && chown postgres /tmp/train-pg; \
    su postgres -s /bin/sh -c "$pg_bin/initdb --no-instructions -A trust -U postgres -D /tmp/train-pg >/dev/null \
      && $pg_bin/pg_ctl -s -w -D /tmp/train-pg -o '-k /tmp -c listen_addresses=127.0.0.1 -p 55432' start"; \
    redis-server --daemonize yes --bind 127.0.0.1 --port 56379 --save '' --appendonly no; \
    DATABASE_URL=postgresql://postgres@127.0.0.1:55432/postgres REDIS_URL=redis://127.0.0.1:56379/0 \
    SECRET_KEY=training-only-key-training-only-key-0123456789 LOG_LEVEL=warn \
      java -XX:AOTCacheOutput=/app/app.aot -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
        -jar /app/app.jar; \
    test -s /app/app.aot

FROM runtime-base AS runtime
COPY --from=train --chown=10001:10001 /app/app.aot /app/app.aot

# With a read-only root filesystem /tmp is the one writable place (Tomcat's
# work files). Kubernetes and Compose mount their own volume there; ECS Fargate
# copies this directory's mode (1777) into its bind mount only when it is a VOLUME.
VOLUME ["/tmp"]

USER 10001:10001
EXPOSE 8000

# Readiness, not liveness: Docker and Compose should only count the container
# healthy once it can reach PostgreSQL. Ready in 2.9-7.4 s on two cores and 9.2-24.7 s on
# half a core (README, Performance: bench/run.sh modes aot and aot@half on hosts up to twice
# as slow as the fastest); the start period covers slow hosts. ECS replaces an
# unhealthy task, so its task definition checks /health/liveness instead (a database outage
# replaces no task).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/usr/local/bin/healthcheck", "/health/readiness"]

# Exec form: the JVM is PID 1 and gets SIGTERM directly (graceful shutdown, up to 30 s).
# Starts from the Spring AOT bean definitions (a start whose settings choose other beans than
# the build's, e.g. SMTP_HOST set, runs without them and logs why) and the Java AOT cache
# (a JVM that cannot use it says so and starts without it).
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-Dspring.aot.enabled=true", "-jar", "/app/app.jar"]
