package org.ordersystem.console;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordersystem.system.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages of the console: what the services refuse (another user's order is the same 404
 * page as a missing one), and the 403 page of a regular user on an admin page.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);
    private static final String PAGE = "/ui/problem";
    private static final String STATUS = ConsoleErrors.class.getName() + ".STATUS";
    private static final String DETAIL = ConsoleErrors.class.getName() + ".DETAIL";

    static void forward(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException, ServletException {
        request.setAttribute(STATUS, status);
        request.setAttribute(DETAIL, detail);
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException ex) {
        return page(HttpStatus.valueOf(ex.getStatusCode().value()), ex.detail());
    }

    /** A parameter of the wrong type or missing, a method the page does not take: the request's fault. */
    @ExceptionHandler({ TypeMismatchException.class, BindException.class })
    ModelAndView invalid(Exception ex) {
        return page(HttpStatus.BAD_REQUEST, "The request was not valid; go back and check what you entered.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return page(HttpStatus.valueOf(response.getStatusCode().value()), "The request was not valid.");
        }
        log.error("Unexpected failure for {} {}", request.getMethod(), request.getRequestURI(), ex);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.");
    }

    /** The page a forwarded refusal (403, 429) lands on. */
    @Controller
    static class ProblemPage {

        @RequestMapping(PAGE)
        ModelAndView show(HttpServletRequest request) {
            Object status = request.getAttribute(STATUS);
            HttpStatus code = status instanceof Integer value ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
            return page(code, request.getAttribute(DETAIL) instanceof String detail ? detail
                    : "There is nothing here.");
        }
    }

    static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", status == HttpStatus.NOT_FOUND ? "Not found" : status.getReasonPhrase());
        page.addObject("detail", detail);
        return page;
    }
}
