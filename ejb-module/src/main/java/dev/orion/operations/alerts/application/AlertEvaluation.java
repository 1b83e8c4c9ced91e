package dev.orion.operations.alerts.application;

import dev.orion.operations.alerts.domain.AlertTransition;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One round over every enabled rule; a rule that cannot be measured is logged and the others still run. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each rule commits on its own
public class AlertEvaluation {

    private static final Logger LOG = Logger.getLogger(AlertEvaluation.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    AlertRuleEvaluator evaluator;

    /** @return the run's summary line for the schedule history */
    public String evaluateAll() {
        List<Long> ids = em.createQuery("SELECT r.id FROM AlertRule r WHERE r.enabled = true ORDER BY r.id", Long.class).getResultList();
        var counts = new EnumMap<AlertTransition, Integer>(AlertTransition.class);
        int failed = 0;
        for (long id : ids) {
            try {
                counts.merge(evaluator.evaluate(id), 1, Integer::sum);
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "Alert rule " + id + " could not be evaluated", e);
            }
        }
        return ids.size() + " rule(s) evaluated: " + counts.getOrDefault(AlertTransition.FIRED, 0) + " fired, "
                + counts.getOrDefault(AlertTransition.RESOLVED, 0) + " resolved" + (failed > 0 ? ", " + failed + " failed" : "");
    }
}
