package org.ordersystem;

import org.ordersystem.system.config.GracefulExit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class OrderBackendApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(OrderBackendApplication.class, args);
        GracefulExit.onSigterm(context);
    }
}
