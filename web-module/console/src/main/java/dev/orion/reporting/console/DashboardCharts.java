package dev.orion.reporting.console;

import dev.orion.reporting.application.Dashboard;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Chart.js configurations (JSON) for p:chart: PrimeFaces 15 draws whatever configuration it is given, so the
 * charts are plain data built here, with no script on the page (the console runs with a strict CSP).
 */
final class DashboardCharts {

    private static final String[] COLOURS = {"#2f6fb0", "#e07b39", "#3a9d5d", "#8e5bb5", "#c23b4e", "#6b7785"};
    /** Each status keeps its colour whichever statuses a period has (order of OrderStatus). */
    private static final List<String> STATUS_ORDER = List.of("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private DashboardCharts() {
    }

    /** Revenue per day over the chart's days, one bar series per currency. */
    static String revenuePerDay(Dashboard dashboard) {
        var labels = Json.createArrayBuilder();
        dashboard.chartDays().forEach(day -> labels.add(DAY.format(day)));
        var datasets = Json.createArrayBuilder();
        List<String> currencies = dashboard.chartCurrencies();
        for (int i = 0; i < currencies.size(); i++) {
            var values = Json.createArrayBuilder();
            dashboard.revenueSeries(currencies.get(i)).forEach(values::add);
            datasets.add(Json.createObjectBuilder().add("label", currencies.get(i)).add("data", values)
                    .add("backgroundColor", COLOURS[i % COLOURS.length]));
        }
        var options = Json.createObjectBuilder()
                .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)));
        return config("bar", labels, datasets, options);
    }

    /** Orders per status as a doughnut; {@code label} names a status in the reader's language. */
    static String ordersPerStatus(Dashboard dashboard, Function<String, String> label) {
        var labels = Json.createArrayBuilder();
        var values = Json.createArrayBuilder();
        var colours = Json.createArrayBuilder();
        List<Dashboard.StatusCount> statuses = dashboard.ordersPerStatus();
        for (int i = 0; i < statuses.size(); i++) {
            labels.add(label.apply(statuses.get(i).status()));
            values.add(statuses.get(i).orders());
            colours.add(COLOURS[Math.max(0, STATUS_ORDER.indexOf(statuses.get(i).status())) % COLOURS.length]);
        }
        var datasets = Json.createArrayBuilder().add(Json.createObjectBuilder().add("data", values).add("backgroundColor", colours));
        var options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "right")));
        return config("doughnut", labels, datasets, options);
    }

    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder options) {
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build().toString();
    }
}
