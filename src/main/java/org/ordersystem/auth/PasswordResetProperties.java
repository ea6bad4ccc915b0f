package org.ordersystem.auth;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Password resets. {@code publicUrl} (PUBLIC_URL) is where people reach the service, the start
 * of the e-mailed link: taken from the settings, never from a request's Host header, which
 * whoever asks for the link could choose. {@code available} is on when SMTP is configured.
 */
@Validated
@ConfigurationProperties("order.password-reset")
record PasswordResetProperties(@DefaultValue("http://localhost:8000") URI publicUrl,
        @DefaultValue("false") boolean available) implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return PasswordResetProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null
                || !("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme()))
                || publicUrl.getRawUserInfo() != null || publicUrl.getRawQuery() != null
                || publicUrl.getRawFragment() != null)) {
            errors.rejectValue("publicUrl", "url", "must be an http(s) address without credentials, query or "
                    + "fragment, e.g. https://orders.example.com");
        }
    }
}
