package org.ordersystem.system.config;

/**
 * A configuration variable that the service refuses to start with. The message
 * names the variable and the rule, never the value (it may be a secret).
 */
public class InvalidConfiguration extends RuntimeException {

    private final String variable;

    public InvalidConfiguration(String variable, String problem) {
        super(variable + " " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
