package dev.orion.notifications.application;

import java.io.Serializable;

/** An email ready for SMTP: subject, plain text and HTML bodies. */
public record RenderedEmail(String subject, String text, String html) implements Serializable {
}
