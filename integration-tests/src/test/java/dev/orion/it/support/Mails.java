package dev.orion.it.support;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** Reading the emails the SMTP server received. */
public final class Mails {

    private Mails() {
    }

    /** The message's (first) attached file; an email without one fails the test. */
    public static Part attachment(MimeMessage message) throws MessagingException, IOException {
        if (message.getContent() instanceof Multipart mixed) {
            for (int i = 0; i < mixed.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
                    return mixed.getBodyPart(i);
                }
            }
        }
        throw new AssertionError("No attachment in " + message.getSubject());
    }
}
