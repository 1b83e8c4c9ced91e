package dev.orion.operations.alerts.console;

import dev.orion.operations.alerts.application.AlertRuleChange;
import dev.orion.operations.alerts.application.AlertRuleView;
import dev.orion.operations.alerts.application.AlertRules;
import dev.orion.operations.alerts.domain.AlertKind;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.console.AdminMessages;
import dev.orion.platform.console.ConsoleActor;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The alerts page (ADMIN): firing alerts on top, the rules below, one dialog to add or change a rule. */
@Named
@ViewScoped
public class AlertRulesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertRules rules;

    @Inject
    ConsoleActor actor;

    private List<AlertRuleView> list;

    private Long editingId;
    private String name;
    private AlertKind kind = AlertKind.DEAD_LETTERS;
    private long threshold;
    private int windowMinutes = 60;
    private String recipients;
    private boolean enabled = true;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        list = rules.list();
    }

    public List<AlertRuleView> getRules() {
        return list;
    }

    public List<AlertRuleView> getFiring() {
        return list.stream().filter(AlertRuleView::firing).toList();
    }

    public AlertKind[] getKinds() {
        return AlertKind.values();
    }

    public void startNew() {
        editingId = null;
        name = null;
        kind = AlertKind.DEAD_LETTERS;
        threshold = 0;
        windowMinutes = 60;
        recipients = null;
        enabled = true;
    }

    public void edit(AlertRuleView rule) {
        editingId = rule.id();
        name = rule.name();
        kind = rule.kind();
        threshold = rule.threshold();
        windowMinutes = rule.windowMinutes();
        recipients = rule.recipients();
        enabled = rule.enabled();
    }

    public void save() {
        var change = new AlertRuleChange(name, kind, threshold, windowMinutes, recipients, enabled);
        try {
            if (editingId == null) {
                AdminMessages.info("alert.created", rules.create(actor.get(), change).name());
            } else {
                rules.change(actor.get(), editingId, change).ifPresent(changed -> AdminMessages.info("alert.changed", changed.name()));
            }
            reload();
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "rule-form");
        }
    }

    public void delete(AlertRuleView rule) {
        if (rules.delete(actor.get(), rule.id())) {
            AdminMessages.info("alert.deleted", rule.name());
        }
        reload();
    }

    public boolean isEditing() { return editingId != null; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public AlertKind getKind() { return kind; }
    public void setKind(AlertKind kind) { this.kind = kind; }
    public long getThreshold() { return threshold; }
    public void setThreshold(long threshold) { this.threshold = threshold; }
    public int getWindowMinutes() { return windowMinutes; }
    public void setWindowMinutes(int windowMinutes) { this.windowMinutes = windowMinutes; }
    public String getRecipients() { return recipients; }
    public void setRecipients(String recipients) { this.recipients = recipients; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
