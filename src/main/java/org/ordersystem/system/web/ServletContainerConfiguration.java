package org.ordersystem.system.web;

import org.ordersystem.system.problem.ProblemErrorReportValve;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own part: errors it answers by itself are problem+json too
 * ({@link ProblemErrorReportValve}), and the admission gate decides before the servlet filters
 * ({@link AdmissionValve}).
 */
@Configuration(proxyBeanMethods = false)
class ServletContainerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> admissionGate(AdmissionValve gate) {
        return factory -> factory.addContextValves(gate);
    }
}
