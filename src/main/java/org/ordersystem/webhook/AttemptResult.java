package org.ordersystem.webhook;

/**
 * What one HTTP attempt came to: the response status when there was a response, how long it
 * took, and for a failure a short description that holds no response body or secret.
 */
record AttemptResult(Integer responseStatus, int durationMs, String error) {

    boolean succeeded() {
        return error == null && responseStatus != null && responseStatus >= 200 && responseStatus < 300;
    }
}
