package dev.orion.identity.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.identity.application.ApiClientAdmin;
import dev.orion.identity.application.ApiClientAdministration;
import dev.orion.identity.application.ApiClientView;
import dev.orion.identity.application.ClientCredentials;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.console.AdminMessages;
import dev.orion.platform.console.VendorMenu;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The API clients page (ADMIN). A new or rotated secret is held only until its dialog closes: it is shown that
 * once and exists nowhere else in clear.
 */
@Named
@ViewScoped
public class ApiClientsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiClientAdmin clients;

    @Inject
    ApiClientAdministration administration;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleActor actor;

    private List<ApiClientView> list;
    private Map<String, String> plans;

    private String name;
    private String role = "vendor";
    private Long vendorId;
    private String ratePlan = "standard";

    private String planClientId;
    private ClientCredentials shown;

    @PostConstruct
    void init() {
        plans = new java.util.TreeMap<>();
        administration.ratePlans().forEach((plan, limits) -> plans.put(plan, limits.perSecond() + "/s, " + limits.burst()));
        reload();
    }

    private void reload() {
        var newestFirst = new ArrayList<>(clients.list());
        Collections.reverse(newestFirst);
        list = newestFirst;
    }

    public void startNew() {
        name = null;
        role = "vendor";
        vendorId = null;
        ratePlan = "standard";
    }

    public void create() {
        try {
            shown = administration.create(actor.get(), name, role, vendorId, ratePlan);
            reload();
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "client-form");
        }
    }

    public void rotate(ApiClientView client) {
        try {
            shown = administration.rotateSecret(actor.get(), client.clientId());
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "clients-form");
        }
    }

    public void revoke(ApiClientView client) {
        try {
            administration.revoke(actor.get(), client.clientId());
            AdminMessages.info("client.revoked", client.clientId());
            reload();
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "clients-form");
        }
    }

    public void choosePlan(ApiClientView client) {
        planClientId = client.clientId();
        ratePlan = client.ratePlan();
    }

    public void savePlan() {
        try {
            administration.changeRatePlan(actor.get(), planClientId, ratePlan);
            AdminMessages.info("client.planChanged", planClientId, ratePlan);
            reload();
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "plan-form");
        }
    }

    /** Called when the secret's dialog closes: from then on the secret is gone for good. */
    public void forgetSecret() {
        shown = null;
    }

    public String vendorName(Long id) {
        return vendorChoices.name(id);
    }

    public String describe(String plan) {
        String limits = plans.get(plan);
        return limits == null ? plan : plan + " (" + limits + ")";
    }

    public List<ApiClientView> getClients() { return list; }
    public List<String> getPlans() { return List.copyOf(plans.keySet()); }
    public ClientCredentials getShown() { return shown; }
    public String getPlanClientId() { return planClientId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getRatePlan() { return ratePlan; }
    public void setRatePlan(String ratePlan) { this.ratePlan = ratePlan; }
}
