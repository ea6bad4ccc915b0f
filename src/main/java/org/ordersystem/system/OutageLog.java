package org.ordersystem.system;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;

/**
 * Logs a dependency outage once when it starts and once when it ends, however many
 * calls fail in between.
 */
public final class OutageLog {

    private final Logger log;
    private final String what;
    private final AtomicBoolean down = new AtomicBoolean();

    public OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public void failed(Exception cause) {
        if (down.compareAndSet(false, true)) {
            log.warn("Redis unavailable for the {}: falling back until it returns ({})", what, cause.toString());
        }
    }

    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.info("Redis is back for the {}", what);
        }
    }

    public boolean isDown() {
        return down.get();
    }
}
