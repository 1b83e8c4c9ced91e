package dev.orion.events.application;

import dev.orion.identity.application.ConsoleUsers;
import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.events.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;

/**
 * Tells a vendor's console users that Orion disabled one of their webhook endpoints (it answered 410, or failed for
 * days), through the email outbox, in the transaction that disabled it.
 */
@ApplicationScoped
public class EndpointDisabledMailer {

    static final String TEMPLATE = "webhook-endpoint-disabled";

    @Inject
    ConsoleUsers users;

    @Inject
    EmailQueue emails;

    void tell(WebhookEndpoint endpoint, OffsetDateTime at) {
        var model = new LinkedHashMap<String, Object>();
        model.put("url", endpoint.getUrl());
        model.put("endpointId", endpoint.getId().toString());
        model.put("reason", endpoint.getDisabledReason());
        model.put("at", at.truncatedTo(ChronoUnit.SECONDS).toString());
        for (String recipient : users.vendorUserEmails(endpoint.getVendorId())) {
            emails.enqueue(new EmailRequest(TEMPLATE, "en", recipient, model,
                    "webhook-disabled:" + endpoint.getId() + ":" + at.toInstant().toEpochMilli() + ":" + recipient));
        }
    }
}
