package dev.orion.operations.alerts.application;

import dev.orion.operations.alerts.domain.AlertKind;
import dev.orion.operations.alerts.domain.AlertRule;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A rule with its state, as the console lists it. */
public record AlertRuleView(long id, String name, AlertKind kind, long threshold, int windowMinutes, String recipients,
                            boolean enabled, boolean firing, OffsetDateTime firingSince, Long lastValue, String lastDetail,
                            OffsetDateTime lastEvaluatedAt) implements Serializable {

    static AlertRuleView of(AlertRule rule) {
        return new AlertRuleView(rule.getId(), rule.getName(), rule.getKind(), rule.getThreshold(), rule.getWindowMinutes(),
                String.join(", ", rule.getRecipients()), rule.isEnabled(), rule.isFiring(), rule.isFiring() ? rule.getFiringSince() : null,
                rule.getLastValue(), rule.getLastDetail(), rule.getLastEvaluatedAt());
    }

    public String unit() {
        return kind.unit();
    }
}
