package org.ordersystem.console;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.CommonErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A change made from a console page, for the page the browser is sent back to: done, a notice;
 * refused by the service, its reason, or, when the thing changed meanwhile (a stale version),
 * that nothing was overwritten. Something that does not exist (or is another user's) is the 404
 * page, as in the API.
 */
final class ConsoleAction {

    /** Only the order pages send the version they showed, so only an order can be overtaken. */
    static final String CONFLICT = "Someone changed this order while you were looking at it; nothing was changed. "
            + "Here it is as it is now.";

    private ConsoleAction() {
    }

    /** Whether the change was made. */
    static boolean run(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
            return true;
        }
        catch (ApiException ex) {
            HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND) {
                throw ex;
            }
            flash.addFlashAttribute("error", status == HttpStatus.PRECONDITION_FAILED
                    || ex.code() == CommonErrorCode.CONCURRENT_MODIFICATION ? CONFLICT : ex.detail());
            return false;
        }
    }
}
