package dev.orion.operations.console;

import dev.orion.platform.jobs.StepExecutionView;
import dev.orion.platform.console.PageMessages;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * The Chart.js configuration PrimeFaces' p:chart draws for an execution's steps: one group of bars per step,
 * one bar per counter. Built as JSON data, so no script goes into the page (CSP).
 */
final class StepMetricsChart {

    /** The counters shown, as the job repository names them, each with its bar colour. */
    private static final String[][] METRICS = {
            {"read_count", "#3b82f6"}, {"write_count", "#22c55e"}, {"commit_count", "#a855f7"},
            {"rollback_count", "#ef4444"}, {"skip", "#f59e0b"}};

    private StepMetricsChart() {
    }

    static String json(List<StepExecutionView> steps, PageMessages messages) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        steps.forEach(step -> labels.add(step.stepName()));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (String[] metric : METRICS) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            steps.forEach(step -> values.add(value(step, metric[0])));
            datasets.add(Json.createObjectBuilder().add("label", messages.text("metric." + metric[0]))
                    .add("backgroundColor", metric[1]).add("data", values));
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }

    /** A counter's value; "skip" adds up read, process and write skips. */
    static long value(StepExecutionView step, String metric) {
        if (metric.equals("skip")) {
            return step.metrics().getOrDefault("read_skip_count", 0L) + step.metrics().getOrDefault("process_skip_count", 0L)
                    + step.metrics().getOrDefault("write_skip_count", 0L);
        }
        return step.metrics().getOrDefault(metric, 0L);
    }
}
