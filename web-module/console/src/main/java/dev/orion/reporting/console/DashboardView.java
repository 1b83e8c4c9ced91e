package dev.orion.reporting.console;

import dev.orion.platform.console.ConsoleCaller;
import dev.orion.reporting.application.Dashboard;
import dev.orion.reporting.application.DashboardFigures;
import dev.orion.platform.console.VendorMenu;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ResourceBundle;

/** The dashboard: a vendor's own figures, or for platform users all vendors' (or one's) and the platform's health. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DashboardFigures figures;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleCaller user;

    private Long vendorId;
    private Dashboard dashboard;
    private String revenueChart;
    private String statusChart;

    @PostConstruct
    void init() {
        if (!user.isPlatform()) {
            vendorId = user.getVendorId();
        }
        refresh();
    }

    public void refresh() {
        dashboard = figures.of(user.isPlatform() ? vendorId : user.getVendorId(), user.isPlatform());
        var bundle = ResourceBundle.getBundle("dev.orion.console.dashboard", FacesContext.getCurrentInstance().getViewRoot().getLocale());
        revenueChart = DashboardCharts.revenuePerDay(dashboard);
        statusChart = DashboardCharts.ordersPerStatus(dashboard, status -> bundle.getString("status." + status));
    }

    public Dashboard getDashboard() { return dashboard; }
    public String getRevenueChart() { return revenueChart; }
    public String getStatusChart() { return statusChart; }
    public Long getVendorId() { return vendorId; }

    public void setVendorId(Long id) {
        // a VENDOR user sees only its own vendor, whatever the request says
        this.vendorId = user.isPlatform() ? id : user.getVendorId();
    }
}
