package dev.orion.notifications.application;

import java.util.Optional;

/**
 * Makes the usable link for a {@link SecretLink} of one kind at send time: the capability that owns the secret
 * (identity, for password resets) implements it, so notifications never know what the secret is. Called once
 * per delivery attempt, it must commit the new secret before it returns (the relay may accept the email the next
 * moment), and a new call replaces the previous attempt's secret.
 */
public interface SecretLinkMinter {

    String kind();

    /** The link for row {@code ref}; empty when that secret can no longer be used (expired, used, gone). */
    Optional<String> mint(long ref);

    /** Where to send the reader when the secret can no longer be used (the page to ask for a new one). */
    String fallbackLink();
}
