package org.ordersystem.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the environment each shipped manifest gives the application's container, as the
 * platform would: compose interpolated from .env.example, Kubernetes from the ConfigMap and
 * the example Secret, Cloud Run, ACI and ECS from their files, Terraform from ecs.tf and
 * secrets.tf with terraform.tfvars.example. A secret whose value lives outside the file (Secret
 * Manager, Secrets Manager) gets a well-formed sample; a CHANGE_ME placeholder is filled in as
 * the operator is told to, with generated characters.
 */
final class ManifestEnvironments {

    static final Path ROOT = DeploymentManifestTests.ROOT;

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final ObjectMapper JSON = new ObjectMapper();

    /** What an operator stores for a secret that a manifest only references. */
    static final Map<String, String> SAMPLE_SECRETS = Map.of(
            "SECRET_KEY", "q8Vz3nR1xLk0pW7sT2mB9cJ4hF6dG5yA-uE1oI3kN8",
            "DATABASE_URL", "postgresql://order_app:s4mple-db-Pa55@db.internal:5432/orders?sslmode=require",
            "DATABASE_REPLICA_URL", "postgresql://order_app:s4mple-db-Pa55@replica.internal:5432/orders?sslmode=require",
            "REDIS_URL", "rediss://redis.internal:6379/0",
            "REDIS_PASSWORD", "s4mple-redis-Pa55",
            "RATELIMIT_STORAGE_URL", "rediss://redis.internal:6379/1",
            "SMTP_PASSWORD", "s4mple-smtp-Pa55",
            "SENTRY_DSN", "https://0123456789abcdef@o0.ingest.sentry.io/0",
            "DATADOG_API_KEY", "0123456789abcdef0123456789abcdef",
            "METRICS_TOKEN", "s4mple-metrics-t0ken");

    /** Additional samples for variables that are secrets on one platform and plain on another. */
    static final Map<String, String> SAMPLE_VALUES = Map.of("ADMIN_EMAIL", "admin@shop.test",
            "ADMIN_PASSWORD", "s4mple-Admin-Pa55w0rd");

    private static final Pattern PLACEHOLDER = Pattern.compile("CHANGE_ME");

    private ManifestEnvironments() {
    }

    static String sample(String variable) {
        String value = SAMPLE_SECRETS.getOrDefault(variable, SAMPLE_VALUES.get(variable));
        if (value == null) {
            throw new AssertionError("no sample value for the secret " + variable);
        }
        return value;
    }

    /** A placeholder value as an operator fills it in: a value that begins with CHANGE_ME is replaced whole. */
    static String filled(String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith("CHANGE_ME")) {
            return "Gq7rX2vN9pL4tK8wZ1mC6yB3hD5sF0jE";
        }
        return PLACEHOLDER.matcher(value).replaceAll("Gq7rX2vN9pL4tK8w");
    }

    static Map<String, String> filledAll(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>();
        environment.forEach((name, value) -> result.put(name, filled(value)));
        return result;
    }

    // --- compose ---------------------------------------------------------------------------

    /** NAME=value lines of a dotenv file (no quoting is used in the shipped ones). */
    static Map<String, String> dotenv(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines(file)) {
            Matcher assignment = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$").matcher(line);
            if (assignment.matches()) {
                values.put(assignment.group(1), assignment.group(2));
            }
        }
        return values;
    }

    /** The app service's environment of docker-compose.prod.yml, interpolated as compose does from .env. */
    static Map<String, String> compose(Path composeFile, Map<String, String> dotenv) {
        JsonNode environment = read(YAML, composeFile).path("services").path("app").path("environment");
        if (!environment.isObject()) {
            throw new AssertionError("services.app.environment of " + composeFile + " is not a mapping");
        }
        Map<String, String> result = new LinkedHashMap<>();
        environment.fields().forEachRemaining(field -> result.put(field.getKey(),
                interpolate(field.getValue().asText(), dotenv)));
        return result;
    }

    private static final Pattern COMPOSE_VARIABLE = Pattern
            .compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    /** Compose's ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error} and $$. */
    static String interpolate(String text, Map<String, String> dotenv) {
        Matcher matcher = COMPOSE_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            }
            else {
                String value = dotenv.get(matcher.group(1));
                String operator = matcher.group(2);
                boolean missing = operator != null && operator.startsWith(":") ? value == null || value.isEmpty()
                        : value == null;
                if (!missing) {
                    replacement = value;
                }
                else if (operator == null) {
                    replacement = "";
                }
                else if (operator.endsWith("?")) {
                    throw new AssertionError("compose refuses to start: " + matcher.group(1) + ": " + matcher.group(3));
                }
                else {
                    replacement = matcher.group(3);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    // --- Cloud Run, ACI, ECS ---------------------------------------------------------------

    static JsonNode cloudRunContainer() {
        JsonNode containers = read(YAML, ROOT.resolve("cloud/cloud-run.yaml")).path("spec").path("template")
                .path("spec").path("containers");
        return single(containers, "Cloud Run containers");
    }

    /** Plain values, secrets from Secret Manager (sampled), and PORT, which Cloud Run sets from containerPort. */
    static Map<String, String> cloudRun() {
        JsonNode container = cloudRunContainer();
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            result.put(name, secret.isMissingNode() ? variable.path("value").asText() : sample(secret.path("name").asText()));
        }
        if (result.containsKey("PORT")) {
            throw new AssertionError("Cloud Run reserves PORT: the deploy is refused when the manifest sets it");
        }
        result.put("PORT", single(container.path("ports"), "Cloud Run ports").path("containerPort").asText());
        return result;
    }

    static JsonNode aciContainer() {
        return single(read(YAML, ROOT.resolve("cloud/azure-container-instances.yaml")).path("properties")
                .path("containers"), "ACI containers").path("properties");
    }

    static Map<String, String> aci() {
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode variable : aciContainer().path("environmentVariables")) {
            JsonNode value = variable.has("secureValue") ? variable.path("secureValue") : variable.path("value");
            result.put(variable.path("name").asText(), value.asText());
        }
        return result;
    }

    static JsonNode ecsContainer() {
        return single(read(JSON, ROOT.resolve("cloud/ecs-task-definition.json")).path("containerDefinitions"),
                "ECS container definitions");
    }

    /** environment, and secrets from Secrets Manager (sampled by the JSON key the ARN names). */
    static Map<String, String> ecs(JsonNode container) {
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode variable : container.path("environment")) {
            result.put(variable.path("name").asText(), variable.path("value").asText());
        }
        for (JsonNode secret : container.path("secrets")) {
            String name = secret.path("name").asText();
            Matcher key = Pattern.compile(":([A-Z_]+)::$").matcher(secret.path("valueFrom").asText());
            if (!key.find() || !key.group(1).equals(name)) {
                throw new AssertionError("the secret " + name + " does not read the JSON key " + name);
            }
            result.put(name, sample(name));
        }
        return result;
    }

    // --- Terraform ---------------------------------------------------------------------------

    /** The body between "NAME = merge(" or "NAME = {" and its closing bracket, strings and comments respected. */
    static String block(String hcl, String opening) {
        int start = hcl.indexOf(opening);
        if (start < 0) {
            throw new AssertionError("no '" + opening + "' in the Terraform source");
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start + opening.length() - 1; i < hcl.length(); i++) {
            char c = hcl.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                }
                else if (c == '"') {
                    inString = false;
                }
            }
            else if (c == '"') {
                inString = true;
            }
            else if (c == '#') {
                i = hcl.indexOf('\n', i);
            }
            else if (c == '{' || c == '(' || c == '[') {
                depth++;
            }
            else if (c == '}' || c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return hcl.substring(start + opening.length(), i);
                }
            }
        }
        throw new AssertionError("unbalanced '" + opening + "'");
    }

    private static final Pattern HCL_ATTRIBUTE = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*(.+?)\\s*$");

    /** KEY = expression lines of a map body, comments dropped. */
    static Map<String, String> attributes(String body) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher matcher = HCL_ATTRIBUTE.matcher(body.replaceAll("(?m)^\\s*#.*$", ""));
        while (matcher.find()) {
            result.put(matcher.group(1), matcher.group(2));
        }
        return result;
    }

    /** The default of variable NAME in variables.tf, as its HCL text (null when it has none). */
    static String variableDefault(String variablesTf, String name) {
        String body = block(variablesTf, "variable \"" + name + "\" {");
        Matcher matcher = Pattern.compile("(?m)^  default\\s*=\\s*(.+?)\\s*$").matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * Evaluates the few expression forms the task environment uses: a string literal,
     * {@code tostring(X)}, {@code var.NAME} (tfvars, else the default) and {@code local.NAME}.
     */
    static String evaluate(String expression, Map<String, String> tfvars, String variablesTf, Map<String, String> locals) {
        String text = expression.strip();
        Matcher call = Pattern.compile("^tostring\\((.+)\\)$").matcher(text);
        if (call.matches()) {
            return evaluate(call.group(1), tfvars, variablesTf, locals);
        }
        if (text.startsWith("\"") && text.endsWith("\"")) {
            String literal = text.substring(1, text.length() - 1);
            if (literal.contains("${")) {
                throw new AssertionError("interpolation not supported here: " + text);
            }
            return literal.replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (text.matches("-?\\d+")) {
            return text;
        }
        if (text.startsWith("var.")) {
            String name = text.substring(4);
            String value = tfvars.containsKey(name) ? tfvars.get(name) : variableDefault(variablesTf, name);
            if (value == null) {
                throw new AssertionError("var." + name + " has no value in terraform.tfvars.example and no default");
            }
            return evaluate(value, tfvars, variablesTf, locals);
        }
        if (text.startsWith("local.") && locals.containsKey(text.substring(6))) {
            return evaluate(locals.get(text.substring(6)), tfvars, variablesTf, locals);
        }
        throw new AssertionError("cannot evaluate the Terraform expression " + text);
    }

    /** The string literals of an HCL list such as ["A", "B"]. */
    static List<String> stringList(String text) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"([^\"]*)\"").matcher(text);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    // --- helpers -------------------------------------------------------------------------------

    static String text(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<String> lines(Path file) {
        return text(file).lines().toList();
    }

    static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    static JsonNode single(JsonNode array, String what) {
        if (!array.isArray() || array.size() != 1) {
            throw new AssertionError("expected one entry in " + what + ", found " + array);
        }
        return array.get(0);
    }
}
