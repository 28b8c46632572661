package io.camelwechat.simulator;

/**
 * A push waiting for its next attempt.
 *
 * @param attempt the number of the next attempt, from 1
 */
record PendingPush(PushTarget target, String kind, String plaintextXml, int attempt) {

    PendingPush next() {
        return new PendingPush(target, kind, plaintextXml, attempt + 1);
    }
}
