package dev.orion.operations.console;

import dev.orion.operations.scheduling.InvalidScheduleException;
import dev.orion.operations.scheduling.Schedule;
import dev.orion.operations.scheduling.ScheduleBusyException;
import dev.orion.operations.scheduling.ScheduleChange;
import dev.orion.operations.scheduling.ScheduleRunView;
import dev.orion.operations.scheduling.ScheduleView;
import dev.orion.operations.scheduling.Schedules;
import dev.orion.platform.console.OperatorAudit;
import dev.orion.platform.console.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The schedules page: each schedule's next and last run, editing its calendar expression in a dialog (with the
 * next five firings previewed before saving), pause, resume, run now, and the run history of one schedule.
 */
@Named
@ViewScoped
public class SchedulesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "edit-form:";

    @Inject
    Schedules schedules;

    @Inject
    OperatorAudit audit;

    private final PageMessages messages = new PageMessages("dev.orion.console.schedules");
    private List<ScheduleView> all;
    private Long historyOf;
    private List<ScheduleRunView> history = List.of();
    private ScheduleForm form = new ScheduleForm();
    private List<OffsetDateTime> preview = List.of();

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        all = schedules.list();
        if (historyOf != null) {
            history = schedules.history(historyOf, 50);
        }
    }

    public void edit(long id) {
        schedules.find(id).ifPresent(schedule -> form = ScheduleForm.of(schedule));
        preview = List.of();
    }

    public void preview() {
        preview = List.of();
        try {
            preview = schedules.preview(form.change());
        } catch (InvalidScheduleException e) {
            refused(e);
        }
    }

    public void save() {
        try {
            schedules.change(form.id, form.change()).ifPresent(changed -> {
                audit.record("schedule.change", "schedule", changed.id(), changed.name());
                messages.info("saved", changed.name());
                PrimeFaces.current().ajax().addCallbackParam("saved", true);
            });
            refresh();
        } catch (InvalidScheduleException e) {
            refused(e);
        }
    }

    private void refused(InvalidScheduleException e) {
        FacesContext.getCurrentInstance().validationFailed();
        messages.error(e.field() == null ? FORM + "expression" : FORM + e.field(), "invalid", e.getMessage());
    }

    public void pause(long id) {
        schedules.pause(id).ifPresent(paused -> {
            audit.record("schedule.pause", "schedule", id, paused.name());
            messages.info("paused.done", paused.name());
        });
        refresh();
    }

    public void resume(long id) {
        schedules.resume(id).ifPresent(resumed -> {
            audit.record("schedule.resume", "schedule", id, resumed.name());
            messages.info("resumed", resumed.name());
        });
        refresh();
    }

    public void runNow(long id) {
        try {
            schedules.runNow(id).ifPresent(run -> {
                audit.record("schedule.run", "schedule", id, "run " + run.id());
                messages.info("started", Long.toString(run.id()));
            });
        } catch (ScheduleBusyException e) {
            messages.error(null, "busy", e.getMessage());
        }
        showHistory(id);
    }

    public void showHistory(long id) {
        historyOf = id;
        refresh();
    }

    public String getHistoryName() {
        return all.stream().filter(s -> historyOf != null && s.id() == historyOf).map(ScheduleView::name).findFirst().orElse("");
    }

    public List<ScheduleView> getAll() { return all; }
    public Long getHistoryOf() { return historyOf; }
    public List<ScheduleRunView> getHistory() { return history; }
    public ScheduleForm getForm() { return form; }
    public List<OffsetDateTime> getPreview() { return preview; }
    public Schedule.MisfirePolicy[] getMisfirePolicies() { return Schedule.MisfirePolicy.values(); }

    /** What the edit dialog holds: a schedule's settings as text fields; on or off stays as it is (pause/resume). */
    public static class ScheduleForm implements Serializable {

        private static final long serialVersionUID = 1L;
        private long id;
        private String name;
        private boolean enabled;
        private String second, minute, hour, dayOfMonth, month, dayOfWeek, year, timeZone, parameters;
        private Schedule.MisfirePolicy misfirePolicy;

        static ScheduleForm of(ScheduleView s) {
            var form = new ScheduleForm();
            form.id = s.id();
            form.name = s.name();
            form.enabled = s.enabled();
            form.second = s.second();
            form.minute = s.minute();
            form.hour = s.hour();
            form.dayOfMonth = s.dayOfMonth();
            form.month = s.month();
            form.dayOfWeek = s.dayOfWeek();
            form.year = s.year();
            form.timeZone = s.timeZone();
            form.misfirePolicy = Schedule.MisfirePolicy.valueOf(s.misfirePolicy());
            var json = Json.createObjectBuilder();
            s.parameters().forEach(json::add);
            form.parameters = json.build().toString();
            return form;
        }

        ScheduleChange change() {
            return new ScheduleChange(strip(second), strip(minute), strip(hour), strip(dayOfMonth), strip(month),
                    strip(dayOfWeek), strip(year), strip(timeZone), enabled, parameters, misfirePolicy);
        }

        private static String strip(String value) {
            return value == null ? null : value.strip();
        }

        public long getId() { return id; }
        public String getName() { return name; }
        public String getSecond() { return second; }
        public void setSecond(String second) { this.second = second; }
        public String getMinute() { return minute; }
        public void setMinute(String minute) { this.minute = minute; }
        public String getHour() { return hour; }
        public void setHour(String hour) { this.hour = hour; }
        public String getDayOfMonth() { return dayOfMonth; }
        public void setDayOfMonth(String dayOfMonth) { this.dayOfMonth = dayOfMonth; }
        public String getMonth() { return month; }
        public void setMonth(String month) { this.month = month; }
        public String getDayOfWeek() { return dayOfWeek; }
        public void setDayOfWeek(String dayOfWeek) { this.dayOfWeek = dayOfWeek; }
        public String getYear() { return year; }
        public void setYear(String year) { this.year = year; }
        public String getTimeZone() { return timeZone; }
        public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
        public String getParameters() { return parameters; }
        public void setParameters(String parameters) { this.parameters = parameters; }
        public Schedule.MisfirePolicy getMisfirePolicy() { return misfirePolicy; }
        public void setMisfirePolicy(Schedule.MisfirePolicy misfirePolicy) { this.misfirePolicy = misfirePolicy; }
    }
}
