package dev.orion.operations.alerts.application;

import dev.orion.operations.alerts.domain.AlertRule;
import dev.orion.operations.alerts.domain.AlertTransition;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Evaluates one rule in a transaction of its own, under the rule's row lock: measuring, changing the state and
 * queueing the emails commit together, and an evaluation on another server waits and then sees the new state.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AlertRuleEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertRuleEvaluator.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    AlertMeasurements measurements;

    @EJB
    AlertMailer mailer;

    public AlertTransition evaluate(long ruleId) {
        AlertRule rule = em.find(AlertRule.class, ruleId, LockModeType.PESSIMISTIC_WRITE);
        if (rule == null || !rule.isEnabled()) {
            return AlertTransition.NONE;
        }
        Measurement now = measurements.measure(rule.getKind(), rule.getWindowMinutes());
        OffsetDateTime at = OffsetDateTime.now();
        AlertTransition transition = rule.observe(now.value(), now.detail(), at);
        if (transition != AlertTransition.NONE) {
            mailer.tell(rule, transition, at);
            // one line per change of state, the same an operator reads in the email
            LOG.warning(() -> "Alert " + rule.getName() + (transition == AlertTransition.FIRED ? " is FIRING: " : " RESOLVED: ")
                    + now.detail() + " (threshold " + rule.getThreshold() + " " + rule.getKind().unit() + ")");
        }
        return transition;
    }
}
