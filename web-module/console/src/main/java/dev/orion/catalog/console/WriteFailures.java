package dev.orion.catalog.console;

import jakarta.ejb.EJBException;

/**
 * The services' refusals (stale version, stock below zero, invalid value) are plain runtime exceptions, which the
 * EJB container hands back wrapped in EJBException after rolling back. The pages unwrap them to tell the user.
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
