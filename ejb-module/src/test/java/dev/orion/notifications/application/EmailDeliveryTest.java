package dev.orion.notifications.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class EmailDeliveryTest {

    @Test
    void aMalformedAddressOrA5xxReplyIsPermanent() {
        assertTrue(EmailDelivery.isPermanent(new AddressException("Local address contains control or whitespace", "bad address@example.com")));
        assertTrue(EmailDelivery.isPermanent(new SendFailedException("Invalid Addresses",
                new MessagingException("550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"))));
        assertTrue(EmailDelivery.isPermanent(new MessagingException("554 5.7.1 Message rejected")));
    }

    @Test
    void aRefusedConnectionOrA4xxReplyIsWorthRetrying() {
        assertFalse(EmailDelivery.isPermanent(new MessagingException("Couldn't connect to host, port: 127.0.0.1, 3025", new ConnectException("Connection refused"))));
        assertFalse(EmailDelivery.isPermanent(new SendFailedException("Invalid Addresses",
                new MessagingException("450 4.2.0 <busy@example.com>: Mailbox temporarily unavailable"))));
        assertFalse(EmailDelivery.isPermanent(new MessagingException("421 Service not available, closing channel")));
        // the relay refuses Orion's credentials: a configuration to fix, after which the email goes out
        assertFalse(EmailDelivery.isPermanent(new jakarta.mail.AuthenticationFailedException("535 5.7.8  Authentication credentials invalid")));
    }
}
