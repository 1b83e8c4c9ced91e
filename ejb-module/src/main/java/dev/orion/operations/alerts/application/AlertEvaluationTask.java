package dev.orion.operations.alerts.application;

import dev.orion.platform.scheduling.ScheduledTask;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The {@code alert-evaluation} task. Its schedule (once a minute as seeded) is what makes evaluation
 * cluster-safe: a firing runs on one server, and never while the previous run is still going.
 */
@ApplicationScoped
public class AlertEvaluationTask implements ScheduledTask {

    @EJB
    AlertEvaluation evaluation;

    @Override
    public String name() {
        return "alert-evaluation";
    }

    @Override
    public String run(Map<String, String> parameters) {
        return evaluation.evaluateAll();
    }
}
