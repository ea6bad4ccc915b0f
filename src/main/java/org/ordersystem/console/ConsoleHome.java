package org.ordersystem.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The service's root is the console. */
@Controller
class ConsoleHome {

    @GetMapping("/")
    String root() {
        return "redirect:/ui";
    }

    @GetMapping("/ui")
    String console() {
        return "redirect:/ui/orders";
    }
}
