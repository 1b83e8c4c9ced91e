package dev.orion.notifications.application;

import java.util.Map;

/**
 * A link to a secret (a password reset, an invitation) as an email model holds it: only which kind of secret and
 * the reference of its row, never the secret itself. The {@link SecretLinkMinter} of that kind makes the usable
 * link when the email is rendered for sending; previews show {@link #WITHHELD} instead. So the outbox, its
 * previews, its API and every backup of it hold no usable link.
 */
public final class SecretLink {

    /** The key of the model's JSON object that marks a secret link. */
    static final String KIND = "secretLink";
    static final String REF = "ref";
    /** What previews show in place of a secret link. */
    public static final String WITHHELD = "[link withheld: made when the email is sent]";

    private SecretLink() {
    }

    /** The model value for a link of this kind to row {@code ref}. */
    public static Map<String, Object> of(String kind, long ref) {
        return Map.of(KIND, kind, REF, ref);
    }
}
