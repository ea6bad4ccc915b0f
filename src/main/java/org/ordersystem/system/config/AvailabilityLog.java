package org.ordersystem.system.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Operators see in the log when the instance starts or stops taking traffic. */
@Component
class AvailabilityLog {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityLog.class);

    @EventListener
    void readinessChanged(AvailabilityChangeEvent<ReadinessState> event) {
        log.info("Readiness is now {}", event.getState());
    }
}
