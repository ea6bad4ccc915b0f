package org.ordersystem.system.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the caller's user id and the order id of the path into the logging context of
 * every line logged while the controller runs, and remembers the user for the access log.
 */
class RequestContextInterceptor implements HandlerInterceptor {

    static final String USER_ATTRIBUTE = RequestContextInterceptor.class.getName() + ".user";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedPrincipal principal) {
            MDC.put("user_id", principal.getName());
            request.setAttribute(USER_ATTRIBUTE, principal.getName());
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null && pattern.toString().startsWith("/api/orders/{")) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request
                    .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String orderId = variables == null ? null : variables.getOrDefault("id", variables.get("orderId"));
            if (orderId != null) {
                MDC.put("order_id", orderId);
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        MDC.remove("user_id");
        MDC.remove("order_id");
    }
}
