package dev.orion.operations.alerts.application;

import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.operations.alerts.domain.AlertRule;
import dev.orion.operations.alerts.domain.AlertTransition;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;

/**
 * Queues the "firing" or "resolved" email of a rule's episode to each recipient, in the evaluation's transaction:
 * the state change and its emails commit together. The dedupe key names the rule, episode and moment, so the
 * outbox holds each email once even if two evaluations ever got this far.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AlertMailer {

    static final String FIRING = "alert-firing";
    static final String RESOLVED = "alert-resolved";

    @EJB
    EmailQueue emails;

    public void tell(AlertRule rule, AlertTransition transition, OffsetDateTime now) {
        String template = transition == AlertTransition.FIRED ? FIRING : RESOLVED;
        var model = new LinkedHashMap<String, Object>();
        model.put("ruleName", rule.getName());
        model.put("kind", rule.getKind().name());
        model.put("value", rule.getLastValue());
        model.put("threshold", rule.getThreshold());
        model.put("unit", rule.getKind().unit());
        model.put("detail", rule.getLastDetail());
        model.put("since", rule.getFiringSince().truncatedTo(ChronoUnit.SECONDS).toString());
        model.put("at", now.truncatedTo(ChronoUnit.SECONDS).toString());
        model.put("lastedMinutes", Duration.between(rule.getFiringSince(), now).toMinutes());
        for (String recipient : rule.getRecipients()) {
            emails.enqueue(new EmailRequest(template, "en", recipient, model,
                    "alert:" + rule.getId() + ":" + rule.getEpisode() + ":" + transition.name().toLowerCase() + ":" + recipient));
        }
    }
}
