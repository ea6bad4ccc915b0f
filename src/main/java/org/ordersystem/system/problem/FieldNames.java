package org.ordersystem.system.problem;

/** Java property paths as the snake_case names clients send. */
final class FieldNames {

    private FieldNames() {
    }

    static String snakeCase(String javaPath) {
        return javaPath == null ? "" : javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String lastSegment(String javaPath) {
        return snakeCase(javaPath.substring(javaPath.lastIndexOf('.') + 1));
    }
}
