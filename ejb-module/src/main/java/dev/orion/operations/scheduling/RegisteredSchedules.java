package dev.orion.operations.scheduling;

import dev.orion.platform.scheduling.ScheduleRegistry;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;

/** Schedules that capabilities keep through {@link ScheduleRegistry}: created by name, then changed through {@link Schedules}. */
@Stateless
@Local(ScheduleRegistry.class)
public class RegisteredSchedules implements ScheduleRegistry {

    @PersistenceContext
    EntityManager em;

    @EJB
    Schedules schedules;

    @Override
    public long save(String name, String task, Map<String, String> parameters, Calendar calendar, boolean enabled) {
        var json = Json.createObjectBuilder();
        parameters.forEach(json::add);
        String params = json.build().toString();
        long id = idOf(name).orElseGet(() -> ((Number) em.createNativeQuery(
                        "INSERT INTO schedules (name, task, parameters, misfire_policy, enabled) VALUES (?1, ?2, ?3, 'SKIP', FALSE) RETURNING id")
                .setParameter(1, name).setParameter(2, task).setParameter(3, params).getSingleResult()).longValue());
        schedules.change(id, new ScheduleChange(calendar.second(), calendar.minute(), calendar.hour(), calendar.dayOfMonth(),
                calendar.month(), calendar.dayOfWeek(), calendar.year(), calendar.timeZone(), enabled, params,
                Schedule.MisfirePolicy.SKIP));
        return id;
    }

    @Override
    public Optional<Status> find(String name) {
        return idOf(name).map(id -> em.find(Schedule.class, id)).map(s -> new Status(s.getId(),
                new Calendar(s.getSecond(), s.getMinute(), s.getHour(), s.getDayOfMonth(), s.getMonth(), s.getDayOfWeek(),
                        s.getYear(), s.getTimeZone()), s.isEnabled(), s.getNextRunAt(), s.getLastRunAt(), s.getLastOutcome()));
    }

    @Override
    public void runNow(String name) {
        idOf(name).ifPresent(schedules::runNow);
    }

    private Optional<Long> idOf(String name) {
        return em.createQuery("SELECT s.id FROM Schedule s WHERE s.name = :name", Long.class).setParameter("name", name)
                .getResultStream().findFirst();
    }
}
