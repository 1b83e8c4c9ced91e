package dev.orion.catalog.console;

import jakarta.ejb.EJBException;

/**
 * The services' refusals (stale version, stock below zero, invalid value) are application exceptions, which the EJB
 * container hands back as they are; anything else comes back wrapped in EJBException. The pages unwrap it to tell
 * the user what they can.
 */
final class WriteFailures {

    private WriteFailures() {
    }

    static RuntimeException unwrap(RuntimeException failure) {
        Throwable current = failure;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current instanceof RuntimeException cause ? cause : failure;
    }
}
