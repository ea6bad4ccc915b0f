package org.ordersystem.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks the deployment kit (k8s/, docker-compose.prod.yml, Dockerfile) against
 * the facts of the application: its port, health paths, environment variables
 * and shutdown time. Every manifest is read into the official Kubernetes model
 * types, so a misspelt or misplaced field fails here rather than at deploy time.
 */
class DeploymentManifestTests {

    static final int APP_PORT = 8000;

    /** Graceful shutdown of the application (server.shutdown=graceful) may take this long. */
    static final int GRACEFUL_SHUTDOWN_SECONDS = 30;

    /** Every environment variable the application reads (design.md, Configuration). */
    static final Set<String> APP_VARIABLES = Set.of("ENVIRONMENT", "DEBUG", "LOG_LEVEL", "LOG_FORMAT", "PORT",
            "SECRET_KEY", "ALGORITHM", "ACCESS_TOKEN_EXPIRE_MINUTES", "REFRESH_TOKEN_EXPIRE_DAYS", "DATABASE_URL",
            "DATABASE_POOL_SIZE", "DATABASE_MAX_OVERFLOW", "DATABASE_REPLICA_URL", "DATABASE_REPLICA_MAX_LAG",
            "DATABASE_REPLICA_POOL_SIZE", "REDIS_URL", "REDIS_PASSWORD",
            "CACHE_TYPE", "RATELIMIT_DEFAULT", "RATELIMIT_STORAGE_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_USER",
            "SMTP_PASSWORD", "SMTP_FROM", "PUBLIC_URL", "SENTRY_DSN", "DATADOG_API_KEY", "SSL_CERT_PATH", "SSL_KEY_PATH",
            "ADMIN_EMAIL", "ADMIN_PASSWORD", "DEFAULT_CURRENCY", "METRICS_TOKEN", "TRUSTED_PROXIES",
            "CONSOLE_ENABLED", "WEBHOOK_ALLOW_PRIVATE_NETWORKS", "WEBHOOK_ALLOW_HTTP");

    /** Variables that are secrets: Secret or .env only, never a ConfigMap. */
    static final Set<String> SECRET_VARIABLES = Set.of("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "REDIS_PASSWORD",
            "SMTP_PASSWORD", "SENTRY_DSN", "DATADOG_API_KEY", "ADMIN_PASSWORD", "METRICS_TOKEN");

    /** Not declared secrets, but URLs that can carry a password, so kept out of the ConfigMap too. */
    static final Set<String> CREDENTIAL_URL_VARIABLES = Set.of("DATABASE_REPLICA_URL", "RATELIMIT_STORAGE_URL");

    /** Only warned about, never failed on, when the application does not visibly read them. */
    static final Set<String> MAY_BE_READ_OUTSIDE_APPLICATION_YML = Set.of("TRUSTED_PROXIES", "LOG_FORMAT");

    static final String IMAGE = "ghcr.io/OWNER/order-backend";

    static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    static final Path K8S = ROOT.resolve("k8s");

    static final Map<String, Class<?>> MODEL_BY_KIND = Map.of("Deployment", Deployment.class, "Service",
            Service.class, "ConfigMap", ConfigMap.class, "Secret", Secret.class, "HorizontalPodAutoscaler",
            HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class, "NetworkPolicy",
            NetworkPolicy.class, "Namespace", Namespace.class, "Ingress", Ingress.class);

    static final Map<String, String> API_VERSION_BY_KIND = Map.of("Deployment", "apps/v1", "Service", "v1",
            "ConfigMap", "v1", "Secret", "v1", "HorizontalPodAutoscaler", "autoscaling/v2", "PodDisruptionBudget",
            "policy/v1", "NetworkPolicy", "networking.k8s.io/v1", "Namespace", "v1", "Ingress",
            "networking.k8s.io/v1");

    static final ObjectMapper YAML = strictYamlMapper();

    static final Map<String, List<Object>> RESOURCES_BY_KIND = new LinkedHashMap<>();

    static final Map<String, JsonNode> KUSTOMIZATIONS = new LinkedHashMap<>();

    static Deployment deployment;

    @BeforeAll
    static void readManifests() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(K8S)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("manifests in %s", K8S).isNotEmpty();
        for (Path file : files) {
            for (JsonNode document : documents(file)) {
                String kind = document.path("kind").asText();
                if (kind.equals("Kustomization")) {
                    KUSTOMIZATIONS.put(file.getFileName().toString(), document);
                    continue;
                }
                assertThat(MODEL_BY_KIND).as("kind '%s' in %s has a model type in this test", kind, file)
                        .containsKey(kind);
                assertThat(document.path("apiVersion").asText()).as("apiVersion of %s in %s", kind, file)
                        .isEqualTo(API_VERSION_BY_KIND.get(kind));
                Object resource;
                try {
                    resource = YAML.treeToValue(document, MODEL_BY_KIND.get(kind));
                }
                catch (JsonProcessingException ex) {
                    throw new AssertionError(ROOT.relativize(file) + " (" + kind + "): " + ex.getOriginalMessage(), ex);
                }
                RESOURCES_BY_KIND.computeIfAbsent(kind, k -> new ArrayList<>()).add(resource);
            }
        }
        deployment = single(Deployment.class);
    }

    @Test
    void everyManifestParsesIntoTheKubernetesModelTypes() {
        assertThat(RESOURCES_BY_KIND.keySet()).contains("Deployment", "Service", "ConfigMap", "Secret",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");
        assertThat(KUSTOMIZATIONS).containsKey("kustomization.yaml");
    }

    @Test
    void strictReadingRejectsAMisspeltField() {
        JsonNode typo = YAML.createObjectNode()
                .put("apiVersion", "v1")
                .put("kind", "Service")
                .set("spec", YAML.createObjectNode().put("tpye", "ClusterIP"));

        assertThatThrownBy(() -> YAML.treeToValue(typo, Service.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("tpye");
    }

    @Test
    void deploymentRunsThreeReplicasOfTheApplicationImage() {
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(app().getImage()).startsWith(IMAGE + ":");
    }

    @Test
    void deploymentExposesTheApplicationPort() {
        assertThat(app().getPorts()).extracting(port -> port.getContainerPort()).containsExactly(APP_PORT);
    }

    @Test
    void deploymentProbesUseTheApplicationsHealthPaths() {
        Container app = app();
        assertThat(httpGet(app.getLivenessProbe(), "liveness").getPath()).isEqualTo("/health/liveness");
        assertThat(httpGet(app.getReadinessProbe(), "readiness").getPath()).isEqualTo("/health/readiness");
        assertThat(httpGet(app.getStartupProbe(), "startup").getPath()).startsWith("/health/");

        for (Probe probe : List.of(app.getLivenessProbe(), app.getReadinessProbe(), app.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getIntVal()).as("probe port").isEqualTo(APP_PORT);
        }
        Probe startup = app.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                .as("seconds the startup probe allows: at the pod's half core the image was ready in 9.2-24.7 s, "
                        + "and the fat jar without caches in 35.9-76.6 s, on hosts up to twice as slow (README, Performance)")
                .isGreaterThanOrEqualTo(75);
    }

    @Test
    void deploymentRequestsAndLimitsMatchTheSizingGuide() {
        Map<String, Quantity> requests = app().getResources().getRequests();
        Map<String, Quantity> limits = app().getResources().getLimits();
        assertThat(requests.get("cpu")).isEqualTo(new Quantity("250m"));
        assertThat(requests.get("memory")).as("the measured working set: RSS 487-512 MiB, peak 529 MiB (README)")
                .isEqualTo(new Quantity("512Mi"));
        assertThat(limits.get("cpu")).isEqualTo(new Quantity("500m"));
        assertThat(limits.get("memory")).isEqualTo(new Quantity("512Mi"));
    }

    @Test
    void podRunsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(app().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(app().getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(app().getSecurityContext().getAllowPrivilegeEscalation()).isFalse();

        String tmpVolume = app().getVolumeMounts()
                .stream()
                .filter(mount -> mount.getMountPath().equals("/tmp"))
                .map(mount -> mount.getName())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
        assertThat(pod.getVolumes()).filteredOn(volume -> volume.getName().equals(tmpVolume))
                .singleElement()
                .satisfies(volume -> assertThat(volume.getEmptyDir()).as("/tmp is an emptyDir").isNotNull());
    }

    @Test
    void terminationGracePeriodOutlastsPreStopSleepAndGracefulShutdown() {
        long preStopSleep = preStopSleepSeconds(app().getLifecycle().getPreStop());
        assertThat(preStopSleep).as("preStop sleep").isPositive();
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(GRACEFUL_SHUTDOWN_SECONDS + preStopSleep);
    }

    @Test
    void deploymentSetsOnlyTheApplicationsVariables() {
        assertThat(deploymentVariables()).isNotEmpty().allSatisfy(name -> assertThat(APP_VARIABLES).contains(name));
        for (EnvVar variable : app().getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                assertThat(variable.getValueFrom().getSecretKeyRef().getKey())
                        .as("key read into %s", variable.getName())
                        .isEqualTo(variable.getName());
            }
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                assertThat(variable.getValueFrom().getConfigMapKeyRef().getKey())
                        .as("key read into %s", variable.getName())
                        .isEqualTo(variable.getName());
            }
        }
        assertThat(deploymentVariables()).contains("SECRET_KEY", "DATABASE_URL", "ENVIRONMENT", "PORT");
    }

    @Test
    void secretsComeFromTheSecretAndNeverFromTheConfigMap() {
        Secret secret = single(Secret.class);
        ConfigMap configMap = single(ConfigMap.class);
        assertThat(configMap.getData().keySet()).as("ConfigMap keys")
                .allSatisfy(key -> assertThat(APP_VARIABLES).contains(key))
                .doesNotContainAnyElementsOf(SECRET_VARIABLES)
                .doesNotContainAnyElementsOf(CREDENTIAL_URL_VARIABLES);
        assertThat(configMap.getData()).containsEntry("ENVIRONMENT", "production")
                .containsEntry("DEBUG", "false")
                .containsEntry("PORT", String.valueOf(APP_PORT));

        Map<String, String> secretSources = new LinkedHashMap<>();
        for (EnvVar variable : app().getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                secretSources.put(variable.getName(), variable.getValueFrom().getSecretKeyRef().getName());
            }
            else {
                assertThat(SECRET_VARIABLES).as("%s is a secret but not read from a Secret", variable.getName())
                        .doesNotContain(variable.getName());
            }
        }
        assertThat(secretSources.keySet()).containsAll(SECRET_VARIABLES);
        assertThat(secretSources.values()).containsOnly(secret.getMetadata().getName());
        assertThat(app().getEnvFrom()).extracting(EnvFromSource::getSecretRef)
                .as("no wholesale envFrom of a Secret: each key is named")
                .containsOnlyNulls();
    }

    @Test
    void secretExampleHoldsOnlyPlaceholders() {
        Secret secret = single(Secret.class);
        assertThat(secret.getData()).as("base64 data would hide real values").isNullOrEmpty();
        assertThat(secret.getStringData()).isNotEmpty().containsKeys("SECRET_KEY", "DATABASE_URL");
        secret.getStringData().forEach((key, value) -> {
            assertThat(APP_VARIABLES).contains(key);
            assertThat(value).as("value of %s", key)
                    .matches(DeploymentManifestTests::isPlaceholder, "a placeholder (CHANGE_ME or an example.* host)");
        });
        assertThat(KUSTOMIZATIONS.get("kustomization.yaml").path("resources").toString())
                .as("the example Secret is never applied")
                .doesNotContain("secret.example.yaml");
    }

    @Test
    void serviceTargetsTheApplicationPortOfThePods() {
        Service service = single(Service.class);
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getIntVal()).isEqualTo(APP_PORT));
        assertThat(podLabels()).containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void autoscalerTargetsTheDeployment() {
        HorizontalPodAutoscaler hpa = single(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(deployment.getSpec().getReplicas());
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
    }

    @Test
    void disruptionBudgetSelectsTheDeploymentsPods() {
        PodDisruptionBudget pdb = single(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isNotEmpty();
        assertThat(podLabels()).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void networkPolicyAdmitsTrafficToThePodsOnlyOnTheApplicationPort() {
        NetworkPolicy policy = single(NetworkPolicy.class);
        assertThat(podLabels()).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getPorts()).isNotEmpty();
            assertThat(rule.getPorts()).allSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(APP_PORT));
        });
    }

    @Test
    void podsAreAnnotatedForPrometheusScraping() {
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/metrics")
                .containsEntry("prometheus.io/port", String.valueOf(APP_PORT));
    }

    @Test
    void kustomizationAppliesEveryManifestButTheSecretExample() throws IOException {
        JsonNode kustomization = KUSTOMIZATIONS.get("kustomization.yaml");
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> listing = Files.list(K8S)) {
            listing.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !name.equals("kustomization.yaml") && !name.equals("secret.example.yaml"))
                    .forEach(expected::add);
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(kustomization.path("images").findValuesAsText("name")).contains(IMAGE);
    }

    @Test
    void applicationReadsEveryVariableTheDeploymentSets() throws IOException {
        // The application maps its variables either as ${NAME} placeholders in
        // application.yml or by name in Java (system/config/EnvironmentSettings).
        Path applicationYml = ROOT.resolve("src/main/resources/application.yml");
        if (!Files.exists(applicationYml)) {
            return; // nothing to compare against yet
        }
        String yml = Files.readString(applicationYml);
        String java = mainJavaSources();
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String name : deploymentVariables()) {
            if (!yml.contains("${" + name) && !java.contains("\"" + name + "\"")) {
                (MAY_BE_READ_OUTSIDE_APPLICATION_YML.contains(name) ? warnings : missing).add(name);
            }
        }
        if (!warnings.isEmpty()) {
            System.err.println("WARNING: neither application.yml (${NAME}) nor src/main/java mentions " + warnings);
        }
        assertThat(missing)
                .as("variables set by the Deployment that the application never reads (warnings only: %s)", warnings)
                .isEmpty();
    }

    @Test
    void composeFileAndDockerfileUseTheApplicationPortAndReadinessPath() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.prod.yml"));
        assertThat(compose).contains("PORT: \"8000\"").contains("/health/readiness");
        assertThat(compose).as("the app is reached through nginx only").doesNotContain("\"8000:8000\"");

        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE 8000$")
                .containsPattern("(?m)^HEALTHCHECK (?:[^\\n]*\\\\\\n)*[^\\n]*/health/readiness")
                .containsPattern("(?m)^USER (?!root|0\\b)\\S+")
                .doesNotContainPattern("(?m)^FROM \\S+:latest\\b");

        String nginx = Files.readString(ROOT.resolve("nginx/templates/order-backend.conf.template"));
        assertThat(nginx).contains("server app:8000");
    }

    /**
     * A proxy that keeps an idle connection to the app open longer than the app does sends
     * requests on connections the app is closing, and answers them 502: every proxy in front
     * must close first.
     */
    @Test
    void theAppKeepsIdleConnectionsOpenLongerThanEveryProxyInFront() throws IOException {
        long app = seconds(Files.readString(ROOT.resolve("src/main/resources/application.yml")),
                "(?m)^\\s+keep-alive-timeout: (\\d+)s$");
        assertThat(app).as("the app's keep-alive timeout")
                .isGreaterThan(seconds(Files.readString(ROOT.resolve("terraform/alb.tf")),
                        "(?m)^\\s*idle_timeout\\s*=\\s*(\\d+)$"))
                .isGreaterThan(seconds(Files.readString(ROOT.resolve("nginx/templates/order-backend.conf.template")),
                        "(?m)^\\s*keepalive_timeout (\\d+)s;"))
                .isGreaterThan(seconds(Files.readString(ROOT.resolve("terraform/cdn.tf")),
                        "(?m)^\\s*origin_keepalive_timeout\\s*=\\s*(\\d+)$"));
    }

    private static long seconds(String text, String pattern) {
        Matcher value = Pattern.compile(pattern).matcher(text);
        assertThat(value.find()).as("%s in the file", pattern).isTrue();
        return Long.parseLong(value.group(1));
    }

    // --- helpers ---------------------------------------------------------------------

    static ObjectMapper strictYamlMapper() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        // The model types collect unknown fields in an "additionalProperties" map
        // (@JsonAnySetter), which would make FAIL_ON_UNKNOWN_PROPERTIES a no-op.
        // Ignoring that annotation makes a misspelt field an error, as intended.
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        });
        return mapper;
    }

    static boolean isPlaceholder(String value) {
        return value.isEmpty() || value.contains("CHANGE_ME") || value.matches(".*\\bexample\\.[a-z]+\\b.*");
    }

    static String mainJavaSources() throws IOException {
        Path sources = ROOT.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }

    static List<JsonNode> documents(Path file) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            for (JsonNode document : YAML.readerFor(JsonNode.class)
                    .readValues(YAML.getFactory().createParser(file.toFile()))
                    .readAll()
                    .stream()
                    .map(JsonNode.class::cast)
                    .toList()) {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    static <T> T single(Class<T> type) {
        List<Object> resources = RESOURCES_BY_KIND.getOrDefault(type.getSimpleName(), List.of());
        assertThat(resources).as("%s manifests", type.getSimpleName()).hasSize(1);
        return type.cast(resources.get(0));
    }

    static Container app() {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("containers of the Deployment").hasSize(1);
        return containers.get(0);
    }

    static Map<String, String> podLabels() {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    static HTTPGetAction httpGet(Probe probe, String which) {
        assertThat(probe).as("%s probe", which).isNotNull();
        assertThat(probe.getHttpGet()).as("%s probe is an HTTP GET", which).isNotNull();
        return probe.getHttpGet();
    }

    static long preStopSleepSeconds(LifecycleHandler preStop) {
        assertThat(preStop).as("preStop hook").isNotNull();
        if (preStop.getSleep() != null) {
            return preStop.getSleep().getSeconds();
        }
        List<String> command = preStop.getExec().getCommand();
        assertThat(command).as("preStop is a plain sleep").hasSize(2).first().isEqualTo("sleep");
        return Long.parseLong(command.get(1));
    }

    /** Env names, secret and config map keys, and the keys of ConfigMaps pulled in with envFrom. */
    static Set<String> deploymentVariables() {
        Set<String> names = new LinkedHashSet<>();
        Container app = app();
        for (EnvVar variable : app.getEnv()) {
            names.add(variable.getName());
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                names.add(variable.getValueFrom().getSecretKeyRef().getKey());
            }
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                names.add(variable.getValueFrom().getConfigMapKeyRef().getKey());
            }
        }
        ConfigMap configMap = single(ConfigMap.class);
        for (EnvFromSource source : app.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                assertThat(source.getConfigMapRef().getName()).isEqualTo(configMap.getMetadata().getName());
                assertThat(source.getPrefix()).as("envFrom prefix").isNullOrEmpty();
                names.addAll(configMap.getData().keySet());
            }
        }
        return names;
    }

}
