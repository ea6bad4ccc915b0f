package org.ordersystem.console;

import org.ordersystem.user.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows of its user: name and navigation (admin links for administrators). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("me")
    CurrentUser me(@AuthenticationPrincipal CurrentUser me) {
        return me;
    }
}
