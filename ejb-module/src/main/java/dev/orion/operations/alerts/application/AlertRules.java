package dev.orion.operations.alerts.application;

import dev.orion.operations.alerts.domain.AlertRule;
import dev.orion.operations.alerts.domain.InvalidAlertRuleException;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The alert rules an ADMIN edits: listed firing first, each change audited in its own transaction. */
@Stateless
public class AlertRules {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    public List<AlertRuleView> list() {
        return em.createQuery("SELECT r FROM AlertRule r ORDER BY r.firing DESC, r.name", AlertRule.class)
                .getResultStream().map(AlertRuleView::of).toList();
    }

    public List<AlertRuleView> firing() {
        return em.createQuery("SELECT r FROM AlertRule r WHERE r.firing = true ORDER BY r.firingSince", AlertRule.class)
                .getResultStream().map(AlertRuleView::of).toList();
    }

    public Optional<AlertRuleView> find(long id) {
        return Optional.ofNullable(em.find(AlertRule.class, id)).map(AlertRuleView::of);
    }

    /** A new rule; a bad or taken value is an {@link InvalidFieldException} naming the field. */
    public AlertRuleView create(Actor who, AlertRuleChange change) {
        nameFree(change.name(), null);
        AlertRule rule = checked(() -> new AlertRule(change.name(), change.kind(), change.threshold(), change.windowMinutes(),
                change.recipients(), change.enabled()));
        em.persist(rule);
        em.flush();
        audit.record(who, null, "alert-rule.create", "alert-rule", rule.getId(), describe(rule));
        return AlertRuleView.of(rule);
    }

    /** Replaces the rule's settings under its row lock, so an evaluation running meanwhile sees either the old or the new. */
    public Optional<AlertRuleView> change(Actor who, long id, AlertRuleChange change) {
        return Optional.ofNullable(em.find(AlertRule.class, id, LockModeType.PESSIMISTIC_WRITE)).map(rule -> {
            nameFree(change.name(), id);
            checked(() -> {
                rule.change(change.name(), change.kind(), change.threshold(), change.windowMinutes(), change.recipients(), change.enabled());
                return rule;
            });
            audit.record(who, null, "alert-rule.change", "alert-rule", id, describe(rule));
            return AlertRuleView.of(rule);
        });
    }

    public boolean delete(Actor who, long id) {
        AlertRule rule = em.find(AlertRule.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (rule == null) {
            return false;
        }
        em.remove(rule);
        audit.record(who, null, "alert-rule.delete", "alert-rule", id, rule.getName());
        return true;
    }

    private void nameFree(String name, Long except) {
        if (name == null) {
            return; // the entity refuses it with its own reason
        }
        var query = em.createQuery("SELECT count(r) FROM AlertRule r WHERE LOWER(r.name) = LOWER(:name)"
                + (except == null ? "" : " AND r.id <> :id"), Long.class).setParameter("name", name.strip());
        if (except != null) {
            query.setParameter("id", except);
        }
        if (query.getSingleResult() > 0) {
            throw new InvalidFieldException("name", "alert.error.name-taken", "Another rule is called " + name.strip());
        }
    }

    /** The entity's refusal, next to the field it concerns. */
    private static AlertRule checked(Supplier<AlertRule> change) {
        try {
            return change.get();
        } catch (InvalidAlertRuleException e) {
            throw new InvalidFieldException(e.field(), "alert.error." + e.field(), e.getMessage());
        }
    }

    private static String describe(AlertRule rule) {
        return rule.getName() + ": " + rule.getKind() + " > " + rule.getThreshold() + " " + rule.getKind().unit()
                + (rule.getKind().windowed() ? " in " + rule.getWindowMinutes() + " min" : "")
                + ", to " + String.join(", ", rule.getRecipients()) + (rule.isEnabled() ? "" : " (disabled)");
    }
}
