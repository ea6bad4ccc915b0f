package org.ordersystem.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordersystem.deploy.ManifestEnvironments.ROOT;

/**
 * The drift test of the deployment kit: every shipped manifest's container environment is
 * handed to the application's own settings validation (the start-up guard, the translation
 * of the variables and the binding of every module's properties record, with
 * application.yml), and must be accepted, as it must start on a first deploy. Ports, probe
 * paths and the metrics path are compared with what application.yml makes the app serve.
 */
class ManifestEnvironmentTests {

    /** Variables that must be set together or not at all (StartupGuard). */
    static final List<Set<String>> PAIRS = List.of(Set.of("ADMIN_EMAIL", "ADMIN_PASSWORD"),
            Set.of("SSL_CERT_PATH", "SSL_KEY_PATH"));

    static String port;
    static String healthPath;
    static String metricsPath;

    @BeforeAll
    static void readTheApplicationsPaths() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
                new FileSystemResource(ROOT.resolve("src/main/resources/application.yml")));
        PropertySource<?> yml = sources.get(0);
        port = String.valueOf(yml.getProperty("server.port"));
        String base = String.valueOf(yml.getProperty("management.endpoints.web.base-path"));
        base = base.endsWith("/") ? base : base + "/";
        Object health = yml.getProperty("management.endpoints.web.path-mapping.health");
        healthPath = base + (health == null ? "health" : health);
        metricsPath = base + yml.getProperty("management.endpoints.web.path-mapping.prometheus");
        assertThat(yml.getProperty("management.endpoint.health.probes.enabled")).as("health probes").isEqualTo(true);
    }

    static String liveness() {
        return healthPath + "/liveness";
    }

    static String readiness() {
        return healthPath + "/readiness";
    }

    // --- the harness itself --------------------------------------------------------------------

    @Test
    void theValidationRefusesWhatTheApplicationRefuses() {
        Map<String, String> production = new LinkedHashMap<>(Map.of("ENVIRONMENT", "production",
                "SECRET_KEY", ManifestEnvironments.sample("SECRET_KEY"),
                "DATABASE_URL", ManifestEnvironments.sample("DATABASE_URL")));
        assertThat(refusal(production)).isNull();

        production.put("ADMIN_PASSWORD", "s4mple-Admin-Pa55w0rd");
        assertThat(refusal(production)).contains("ADMIN_EMAIL");
        production.remove("ADMIN_PASSWORD");

        production.put("CACHE_TYPE", "redis");
        assertThat(refusal(production)).contains("CACHE_TYPE is redis but REDIS_URL is not set");
        production.remove("CACHE_TYPE");

        production.put("SECRET_KEY", "CHANGE_ME-at-least-32-random-bytes-from-openssl");
        assertThat(refusal(production)).as("a refusal at binding time (TokenProperties)").contains("SECRET_KEY");
        production.put("SECRET_KEY", ManifestEnvironments.sample("SECRET_KEY"));

        production.put("RATELIMIT_DEFAULT", "lots");
        assertThat(refusal(production)).contains("RATELIMIT_DEFAULT");
    }

    @Test
    void placeholdersAreFilledAndComposeIsInterpolatedAsTheToolsDo() {
        assertThat(ManifestEnvironments.filled("postgresql://u:CHANGE_ME@h:5432/d")).doesNotContain("CHANGE_ME")
                .startsWith("postgresql://u:").endsWith("@h:5432/d");
        Map<String, String> dotenv = Map.of("SET", "x", "EMPTY", "");
        assertThat(ManifestEnvironments.interpolate("${SET:-d}/${EMPTY:-d}/${EMPTY-d}/${UNSET}/$$", dotenv))
                .isEqualTo("x/d//" + "/$");
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> ManifestEnvironments.interpolate("${EMPTY:?required}", dotenv))
                .hasMessageContaining("EMPTY");
    }

    // --- each manifest starts ------------------------------------------------------------------

    @Test
    void composeWithItsEnvExampleStarts() {
        Map<String, String> dotenv = ManifestEnvironments.filledAll(
                ManifestEnvironments.dotenv(ROOT.resolve(".env.example")));
        Map<String, String> environment = ManifestEnvironments.compose(ROOT.resolve("docker-compose.prod.yml"), dotenv);
        assertStarts("docker-compose.prod.yml with .env.example", environment);
        assertThat(environment).containsEntry("ENVIRONMENT", "production");
    }

    @Test
    void theEnvExampleItselfIsAnEnvironmentThatStarts() {
        Map<String, String> dotenv = ManifestEnvironments.filledAll(
                ManifestEnvironments.dotenv(ROOT.resolve(".env.example")));
        Map<String, String> application = new LinkedHashMap<>(dotenv);
        application.keySet().retainAll(DeploymentManifestTests.APP_VARIABLES);
        assertStarts(".env.example (application section)", application);
    }

    @Test
    void kubernetesStartsWithTheExampleSecretWithOnlyTheRequiredKeysAndWithoutEachOptionalOne() {
        Map<String, String> secret = kubernetesSecretExample();
        Set<String> required = kubernetesRequiredSecretKeys();
        assertThat(secret.keySet()).as("the example Secret holds every required key").containsAll(required);

        assertStarts("k8s with secret.example.yaml", kubernetes(secret));

        Map<String, String> minimal = new LinkedHashMap<>(secret);
        minimal.keySet().retainAll(required);
        assertStarts("k8s with only the required Secret keys " + required, kubernetes(minimal));

        for (String optional : secret.keySet()) {
            if (required.contains(optional)) {
                continue;
            }
            Map<String, String> without = new LinkedHashMap<>(secret);
            without.keySet().removeAll(withPartners(optional));
            assertStarts("k8s without the optional Secret key(s) " + withPartners(optional), kubernetes(without));
        }
    }

    @Test
    void deployWorkflowRequiresTheSecretKeysTheDeploymentRequires() {
        String workflow = ManifestEnvironments.text(ROOT.resolve(".github/workflows/deploy.yml"));
        Matcher declared = Pattern.compile("(?m)^\\s*required_keys=\\(([^)]*)\\)").matcher(workflow);
        assertThat(declared.find()).as("deploy.yml declares required_keys=(...)").isTrue();
        assertThat(new TreeSet<>(List.of(declared.group(1).trim().split("\\s+"))))
                .isEqualTo(new TreeSet<>(kubernetesRequiredSecretKeys()));
    }

    @Test
    void cloudRunStarts() {
        assertStarts("cloud/cloud-run.yaml", ManifestEnvironments.cloudRun());
    }

    @Test
    void azureContainerInstancesStarts() {
        assertStarts("cloud/azure-container-instances.yaml", ManifestEnvironments.filledAll(ManifestEnvironments.aci()));
    }

    @Test
    void ecsTaskDefinitionStarts() {
        assertStarts("cloud/ecs-task-definition.json",
                ManifestEnvironments.filledAll(ManifestEnvironments.ecs(ManifestEnvironments.ecsContainer())));
    }

    @Test
    void terraformTaskStartsWithTheExampleTfvarsWithAndWithoutItsOptionalSecrets() {
        TerraformTask task = TerraformTask.read();
        assertStarts("terraform with terraform.tfvars.example (extra_secrets as given)", task.environment(task.extraSecrets));
        assertStarts("terraform without extra_secrets", task.environment(Set.of()));
        for (String secret : task.allowedExtraSecrets) {
            Set<String> extra = withPartners(secret);
            extra.retainAll(task.allowedExtraSecrets);
            assertStarts("terraform with extra_secrets " + extra, task.environment(extra));
        }
    }

    @Test
    void ecsConnectionsFitTheDatabaseEvenWhileADeploymentRunsOldAndNewTasks() {
        Path dir = ROOT.resolve("terraform");
        String variablesTf = ManifestEnvironments.text(dir.resolve("variables.tf"));
        Map<String, String> locals = ManifestEnvironments.attributes(
                ManifestEnvironments.block(ManifestEnvironments.text(dir.resolve("main.tf")), "locals {"));
        int maxTasks = Integer.parseInt(ManifestEnvironments.evaluate("var.app_max_count", Map.of(), variablesTf, locals));
        int databaseLimit = Integer.parseInt(
                ManifestEnvironments.evaluate("var.db_max_connections", Map.of(), variablesTf, locals));
        int percent = Integer.parseInt(locals.get("deployment_max_percent"));
        int reserved = Integer.parseInt(locals.get("db_reserved"));
        assertThat(ManifestEnvironments.text(dir.resolve("ecs.tf")))
                .contains("deployment_maximum_percent         = local.deployment_max_percent");

        Map<String, String> task = TerraformTask.read().environment(Set.of());
        int perTask = Integer.parseInt(task.get("DATABASE_POOL_SIZE")) + Integer.parseInt(task.get("DATABASE_MAX_OVERFLOW"));
        int duringDeployment = (int) Math.ceil(maxTasks * percent / 100.0);
        assertThat(duringDeployment * perTask).as("%d tasks x %d connections (Terraform)", duringDeployment, perTask)
                .isLessThanOrEqualTo(databaseLimit - reserved);

        Map<String, String> json = ManifestEnvironments.ecs(ManifestEnvironments.ecsContainer());
        int perJsonTask = Integer.parseInt(json.get("DATABASE_POOL_SIZE")) + Integer.parseInt(json.get("DATABASE_MAX_OVERFLOW"));
        assertThat(duringDeployment * perJsonTask).as("the task definition's pools at the same counts")
                .isLessThanOrEqualTo(databaseLimit - reserved);
    }

    // --- names, ports and paths against the application --------------------------------------

    @Test
    void everyManifestSetsOnlyVariablesTheApplicationReads(@TempDir Path files) throws IOException {
        Set<String> read = variablesTheApplicationReads(files);
        assertThat(read).as("variables the application reads (translation and application.yml) vs. "
                + "DeploymentManifestTests.APP_VARIABLES").isEqualTo(new TreeSet<>(DeploymentManifestTests.APP_VARIABLES));

        Map<String, Set<String>> names = new LinkedHashMap<>();
        names.put("docker-compose.prod.yml", ManifestEnvironments.compose(ROOT.resolve("docker-compose.prod.yml"),
                ManifestEnvironments.filledAll(ManifestEnvironments.dotenv(ROOT.resolve(".env.example")))).keySet());
        names.put("k8s", kubernetes(kubernetesSecretExample()).keySet());
        names.put("k8s/secret.example.yaml (commented keys too)", kubernetesSecretKeysIncludingComments());
        names.put("cloud/cloud-run.yaml", ManifestEnvironments.cloudRun().keySet());
        names.put("cloud/azure-container-instances.yaml", ManifestEnvironments.aci().keySet());
        names.put("cloud/ecs-task-definition.json", ManifestEnvironments.ecs(ManifestEnvironments.ecsContainer()).keySet());
        TerraformTask task = TerraformTask.read();
        names.put("terraform", task.environment(task.allowedExtraSecrets).keySet());
        names.put("terraform app_environment validation", task.allowedAppEnvironment);
        names.forEach((manifest, variables) -> assertThat(variables).as("variables of %s", manifest)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(read).as("%s sets %s", manifest, name).contains(name)));
    }

    @Test
    void cloudManifestsUseTheApplicationsPortAndProbePaths() {
        JsonNode run = ManifestEnvironments.cloudRunContainer();
        assertThat(run.path("ports").get(0).path("containerPort").asText()).isEqualTo(port);
        assertThat(run.path("startupProbe").path("httpGet").path("path").asText()).isIn(liveness(), readiness());
        assertThat(run.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo(liveness());

        JsonNode aci = ManifestEnvironments.aciContainer();
        assertThat(aci.path("ports").get(0).path("port").asText()).isEqualTo(port);
        assertThat(aci.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo(liveness());
        assertThat(aci.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo(readiness());
        assertThat(aci.path("livenessProbe").path("httpGet").path("port").asText()).isEqualTo(port);

        JsonNode ecs = ManifestEnvironments.ecsContainer();
        assertThat(ecs.path("portMappings").get(0).path("containerPort").asText()).isEqualTo(port);
        assertThat(ecs.path("healthCheck").path("command").toString())
                .as("ECS replaces a task whose health check fails: liveness, so a database outage replaces no task")
                .contains(liveness()).doesNotContain(readiness());

        String ecsTf = ManifestEnvironments.text(ROOT.resolve("terraform/ecs.tf"));
        assertThat(ManifestEnvironments.block(ecsTf, "healthCheck = {")).contains(liveness())
                .doesNotContain(readiness());
        String mainTf = ManifestEnvironments.text(ROOT.resolve("terraform/main.tf"));
        assertThat(ManifestEnvironments.attributes(ManifestEnvironments.block(mainTf, "locals {")))
                .containsEntry("app_port", port);
        String albTf = ManifestEnvironments.text(ROOT.resolve("terraform/alb.tf"));
        assertThat(ManifestEnvironments.attributes(ManifestEnvironments.block(albTf, "health_check {")))
                .as("the load balancer sends traffic only to ready tasks")
                .containsEntry("path", "\"" + readiness() + "\"");
    }

    @Test
    void containerHealthChecksAndScrapersUseTheApplicationsPaths() {
        String dockerfile = ManifestEnvironments.text(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port + "$");
        String compose = ManifestEnvironments.text(ROOT.resolve("docker-compose.prod.yml"));
        assertThat(compose).contains("PORT: \"" + port + "\"").contains(readiness());

        JsonNode prometheus = ManifestEnvironments.read(ManifestEnvironments.YAML, ROOT.resolve("monitoring/prometheus.yml"));
        List<String> appJobs = new ArrayList<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            if (job.path("job_name").asText().equals("order-backend")) {
                appJobs.add(job.path("metrics_path").asText());
            }
        }
        assertThat(appJobs).containsExactly(metricsPath);

        for (JsonNode document : DeploymentManifestTests.documents(ROOT.resolve("k8s/deployment.yaml"))) {
            JsonNode annotations = document.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(metricsPath);
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(port);
        }
    }

    @Test
    void prometheusOperatorObjectsScrapeTheAppAndCarryTheSameRulesAsAlertsYml() {
        Path monitoring = ROOT.resolve("k8s/monitoring");
        JsonNode rule = DeploymentManifestTests.documents(monitoring.resolve("prometheusrule.yaml")).get(0);
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        JsonNode alerts = ManifestEnvironments.read(ManifestEnvironments.YAML, ROOT.resolve("monitoring/alerts.yml"));
        assertThat(rule.path("spec").path("groups"))
                .as("k8s/monitoring/prometheusrule.yaml is generated from monitoring/alerts.yml: "
                        + "run python3 k8s/monitoring/render-prometheus-rule.py")
                .isEqualTo(alerts.path("groups"));

        JsonNode monitor = DeploymentManifestTests.documents(monitoring.resolve("servicemonitor.yaml")).get(0);
        JsonNode endpoint = ManifestEnvironments.single(monitor.path("spec").path("endpoints"), "ServiceMonitor endpoints");
        assertThat(endpoint.path("path").asText()).isEqualTo(metricsPath);
        assertThat(endpoint.path("targetPort").asText()).isEqualTo(port);
        JsonNode service = DeploymentManifestTests.documents(ROOT.resolve("k8s/service.yaml")).get(0);
        monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label -> assertThat(
                service.path("metadata").path("labels").path(label.getKey()).asText())
                .as("the Service's label %s", label.getKey()).isEqualTo(label.getValue().asText()));
        assertThat(service.path("metadata").path("labels").path(monitor.path("spec").path("jobLabel").asText()).asText())
                .as("the job label the rules select").isEqualTo("order-backend");

        JsonNode kustomization = DeploymentManifestTests.documents(monitoring.resolve("kustomization.yaml")).get(0);
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> resources.add(resource.asText()));
        assertThat(resources).containsExactlyInAnyOrder("servicemonitor.yaml", "prometheusrule.yaml");
    }

    // --- Kubernetes --------------------------------------------------------------------------------

    static JsonNode kubernetesContainer() {
        JsonNode deployment = DeploymentManifestTests.documents(ROOT.resolve("k8s/deployment.yaml")).get(0);
        return ManifestEnvironments.single(deployment.path("spec").path("template").path("spec").path("containers"),
                "Deployment containers");
    }

    static Map<String, String> kubernetesConfigMap() {
        JsonNode configMap = DeploymentManifestTests.documents(ROOT.resolve("k8s/configmap.yaml")).get(0);
        Map<String, String> data = new LinkedHashMap<>();
        configMap.path("data").fields().forEachRemaining(field -> data.put(field.getKey(), field.getValue().asText()));
        return data;
    }

    static Map<String, String> kubernetesSecretExample() {
        JsonNode secret = DeploymentManifestTests.documents(ROOT.resolve("k8s/secret.example.yaml")).get(0);
        Map<String, String> data = new LinkedHashMap<>();
        secret.path("stringData").fields().forEachRemaining(field -> data.put(field.getKey(),
                ManifestEnvironments.filled(field.getValue().asText())));
        return data;
    }

    /** The keys of the example Secret, also those shown commented out as "Optional, when used". */
    static Set<String> kubernetesSecretKeysIncludingComments() {
        Set<String> keys = new LinkedHashSet<>(kubernetesSecretExample().keySet());
        Matcher commented = Pattern.compile("(?m)^\\s*#\\s*([A-Z_]+):\\s").matcher(
                ManifestEnvironments.text(ROOT.resolve("k8s/secret.example.yaml")));
        while (commented.find()) {
            keys.add(commented.group(1));
        }
        return keys;
    }

    static Set<String> kubernetesRequiredSecretKeys() {
        Set<String> required = new TreeSet<>();
        for (JsonNode variable : kubernetesContainer().path("env")) {
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)) {
                required.add(ref.path("key").asText());
            }
        }
        return required;
    }

    /** The container's environment as the kubelet builds it: envFrom the ConfigMap, then env (which wins). */
    static Map<String, String> kubernetes(Map<String, String> secret) {
        JsonNode container = kubernetesContainer();
        Map<String, String> configMap = kubernetesConfigMap();
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                environment.putAll(configMap);
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode secretRef = variable.path("valueFrom").path("secretKeyRef");
            JsonNode configRef = variable.path("valueFrom").path("configMapKeyRef");
            if (variable.has("value")) {
                environment.put(name, variable.path("value").asText());
            }
            else if (!secretRef.isMissingNode()) {
                String key = secretRef.path("key").asText();
                if (secret.containsKey(key)) {
                    environment.put(name, secret.get(key));
                }
                else if (!secretRef.path("optional").asBoolean(false)) {
                    throw new AssertionError("the pod cannot be created: the Secret lacks the required key " + key);
                }
            }
            else if (!configRef.isMissingNode() && configMap.containsKey(configRef.path("key").asText())) {
                environment.put(name, configMap.get(configRef.path("key").asText()));
            }
        }
        return environment;
    }

    // --- Terraform ---------------------------------------------------------------------------------

    /** The ECS task's environment as ecs.tf and secrets.tf build it from terraform.tfvars.example. */
    record TerraformTask(Map<String, String> environment, List<String> baseSecrets, Set<String> extraSecrets,
            Set<String> allowedExtraSecrets, Set<String> allowedAppEnvironment) {

        static TerraformTask read() {
            Path dir = ROOT.resolve("terraform");
            String variablesTf = ManifestEnvironments.text(dir.resolve("variables.tf"));
            String tfvarsText = ManifestEnvironments.text(dir.resolve("terraform.tfvars.example"));
            Map<String, String> tfvars = ManifestEnvironments.attributes(tfvarsText.replaceAll(
                    "(?s)\\{.*?}", "{}"));
            Map<String, String> locals = ManifestEnvironments.attributes(
                    ManifestEnvironments.block(ManifestEnvironments.text(dir.resolve("main.tf")), "locals {"));

            String ecsTf = ManifestEnvironments.text(dir.resolve("ecs.tf"));
            String merge = ManifestEnvironments.block(ecsTf, "app_environment = merge(");
            Map<String, String> environment = new LinkedHashMap<>();
            ManifestEnvironments.attributes(ManifestEnvironments.block(merge, "{"))
                    .forEach((name, expression) -> environment.put(name,
                            ManifestEnvironments.evaluate(expression, tfvars, variablesTf, locals)));
            assertThat(merge).as("ecs.tf merges var.app_environment over its defaults").contains("var.app_environment");
            if (Pattern.compile("(?m)^app_environment\\s*=").matcher(tfvarsText).find()) {
                ManifestEnvironments.attributes(ManifestEnvironments.block(tfvarsText, "app_environment = {"))
                        .forEach((name, expression) -> environment.put(name,
                                ManifestEnvironments.evaluate(expression, tfvars, variablesTf, locals)));
            }

            String secretsTf = ManifestEnvironments.text(dir.resolve("secrets.tf"));
            String names = ManifestEnvironments.block(secretsTf, "app_secret_names = sort(concat(");
            List<String> baseSecrets = ManifestEnvironments.stringList(names.substring(0, names.indexOf(']') + 1));
            Set<String> extra = new TreeSet<>();
            if (Pattern.compile("(?m)^extra_secrets\\s*=").matcher(tfvarsText).find()) {
                extra.addAll(ManifestEnvironments.attributes(
                        ManifestEnvironments.block(tfvarsText, "extra_secrets = {")).keySet());
            }
            Set<String> allowedExtra = new TreeSet<>(ManifestEnvironments.stringList(ManifestEnvironments.block(
                    ManifestEnvironments.block(variablesTf, "variable \"extra_secrets\" {"), "contains([")));
            Set<String> allowedEnvironment = new TreeSet<>(ManifestEnvironments.stringList(ManifestEnvironments.block(
                    ManifestEnvironments.block(variablesTf, "variable \"app_environment\" {"), "contains([")));
            return new TerraformTask(environment, baseSecrets, extra, allowedExtra, allowedEnvironment);
        }

        /** Plain environment plus the secrets (sampled values), with these keys in extra_secrets. */
        Map<String, String> environment(Set<String> extra) {
            Map<String, String> result = new LinkedHashMap<>(environment);
            baseSecrets.forEach(name -> result.put(name, ManifestEnvironments.sample(name)));
            extra.forEach(name -> result.put(name, ManifestEnvironments.sample(name)));
            return result;
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    static Set<String> withPartners(String variable) {
        Set<String> group = new TreeSet<>(Set.of(variable));
        PAIRS.stream().filter(pair -> pair.contains(variable)).forEach(group::addAll);
        return group;
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("org.ordersystem")
    static class EveryPropertiesRecord {
    }

    /** The line start-up refuses this environment with, or null when every settings check accepts it. */
    static String refusal(Map<String, String> environment) {
        List<String> pairs = new ArrayList<>();
        environment.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        AtomicReference<String> line = new AtomicReference<>();
        new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
                .withInitializer(StartupVariables.of(pairs.toArray(String[]::new)))
                .withUserConfiguration(EveryPropertiesRecord.class)
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    if (failure != null) {
                        String refused = StartupVariables.refusal(failure);
                        line.set(refused != null ? refused : "start-up failed: " + failure);
                    }
                });
        return line.get();
    }

    static void assertStarts(String manifest, Map<String, String> environment) {
        assertThat(refusal(environment)).as("%s must start; its environment: %s", manifest, environment.keySet())
                .isNull();
    }

    /**
     * The variables the application reads: those the translation asks for when every known one is
     * set (a sample each), and the ${NAME} placeholders of application.yml.
     */
    static Set<String> variablesTheApplicationReads(Path files) throws IOException {
        Path cert = Files.writeString(files.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        Path key = Files.writeString(files.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
        Map<String, String> samples = new LinkedHashMap<>(Map.ofEntries(Map.entry("ENVIRONMENT", "production"),
                Map.entry("DEBUG", "false"), Map.entry("LOG_LEVEL", "info"), Map.entry("LOG_FORMAT", "json"),
                Map.entry("PORT", "8000"), Map.entry("ALGORITHM", "HS256"), Map.entry("ACCESS_TOKEN_EXPIRE_MINUTES", "30"),
                Map.entry("REFRESH_TOKEN_EXPIRE_DAYS", "7"), Map.entry("DATABASE_POOL_SIZE", "5"),
                Map.entry("DATABASE_MAX_OVERFLOW", "10"), Map.entry("DATABASE_REPLICA_MAX_LAG", "5s"),
                Map.entry("DATABASE_REPLICA_POOL_SIZE", "5"), Map.entry("CACHE_TYPE", "redis"),
                Map.entry("RATELIMIT_DEFAULT", "100/hour"), Map.entry("SMTP_HOST", "smtp.shop.test"),
                Map.entry("SMTP_PORT", "587"), Map.entry("SMTP_USER", "orders"), Map.entry("SMTP_FROM", "orders@shop.test"),
                Map.entry("SSL_CERT_PATH", cert.toString()), Map.entry("SSL_KEY_PATH", key.toString()),
                Map.entry("DEFAULT_CURRENCY", "USD"), Map.entry("TRUSTED_PROXIES", "10.0.0.0/8")));
        samples.putAll(ManifestEnvironments.SAMPLE_SECRETS);
        samples.putAll(ManifestEnvironments.SAMPLE_VALUES);
        // A variable added later without a sample here is read as a flag (the webhook switches are).
        DeploymentManifestTests.APP_VARIABLES.forEach(name -> samples.putIfAbsent(name, "false"));

        Set<String> read = new TreeSet<>(StartupVariables.namesRead(samples));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(
                ManifestEnvironments.text(ROOT.resolve("src/main/resources/application.yml")));
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        read.remove("HOSTNAME"); // set by the container runtime, not by an operator
        return read;
    }
}
