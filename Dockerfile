# syntax=docker/dockerfile:1
#
# order-backend image: ghcr.io/OWNER/order-backend:<commit sha>
#   docker build -t ghcr.io/OWNER/order-backend:$(git rev-parse HEAD) .
#
# Stage 1 builds the Spring Boot jar with Maven on JDK 17 (the project's
# bytecode level) and splits it into its layers; stage 2 is a Java 25 JRE that
# only carries the layers, so a code change re-ships the small application
# layer and not the ~100 MB of dependencies.

FROM maven:3.9-eclipse-temurin-17 AS build
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
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests -Dimage \
    && java -Djarmode=tools -jar target/order-backend-0.1.0-SNAPSHOT.jar \
         extract --layers --launcher --destination /build/extracted

FROM eclipse-temurin:25-jre AS runtime
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
# Least to most often changed, one image layer per Spring Boot layer.
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
# instead of one per core-times-eight. An out-of-memory JVM exits so the orchestrator
# restarts it instead of limping on.
ENV PORT=8000 \
    ENVIRONMENT=production \
    LOG_FORMAT=json \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=37.5 -XX:InitialRAMPercentage=37.5 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dfile.encoding=UTF-8"

# With a read-only root filesystem /tmp is the one writable place (Tomcat's
# work files). Kubernetes and Compose mount their own volume there; ECS Fargate
# copies this directory's mode (1777) into its bind mount only when it is a VOLUME.
VOLUME ["/tmp"]

USER 10001:10001
EXPOSE 8000

# Readiness, not liveness: Docker and Compose should only count the container
# healthy once it can reach PostgreSQL. Ready in ~3-6 s; start period covers slow hosts.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/usr/local/bin/healthcheck", "/health/readiness"]

# Exec form: the JVM is PID 1 and gets SIGTERM directly (graceful shutdown, up to 30 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
