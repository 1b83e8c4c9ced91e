package dev.orion.billing.application;

import dev.orion.platform.scheduling.ScheduledTask;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code subscription-renewal} task: settles every subscription whose period has ended. One that fails
 * does not stop the others; the run then fails and names it.
 */
@ApplicationScoped
public class SubscriptionRenewalTask implements ScheduledTask {

    @EJB
    SubscriptionRenewals renewals;

    @Override
    public String name() {
        return "subscription-renewal";
    }

    @Override
    public String run(Map<String, String> parameters) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (long id : renewals.due(today)) {
            try {
                String outcome = renewals.settle(id, today);
                outcomes.merge(outcome.startsWith("renewed") ? "renewed" : outcome, 1, Integer::sum);
            } catch (RuntimeException e) {
                failures.add("subscription " + id + ": " + e.getMessage());
            }
        }
        String summary = outcomes.isEmpty() ? "no subscription due" : outcomes.toString();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(summary + "; failed: " + String.join("; ", failures));
        }
        return summary;
    }
}
