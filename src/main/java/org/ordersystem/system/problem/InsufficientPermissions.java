package org.ordersystem.system.problem;

/** A regular user asked for something only an administrator may do. */
public class InsufficientPermissions extends ApiException {

    public InsufficientPermissions(String detail) {
        super(CommonErrorCode.INSUFFICIENT_PERMISSIONS, detail);
    }
}
