package dev.orion.platform;

/** A startup check failed; the message names the setting to fix and is logged as is, without a stack trace. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message, null, false, false);
    }
}
