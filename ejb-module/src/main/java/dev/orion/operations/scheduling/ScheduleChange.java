package dev.orion.operations.scheduling;

import jakarta.ejb.ScheduleExpression;

/** A schedule as an operator sets it: the calendar fields, time zone, on or off, parameters (JSON) and misfire policy. */
public record ScheduleChange(String second, String minute, String hour, String dayOfMonth, String month,
                             String dayOfWeek, String year, String timeZone, boolean enabled, String parameters,
                             Schedule.MisfirePolicy misfirePolicy) {

    /** The calendar expression EJB timers understand, as a new object (callers may set its start). */
    public ScheduleExpression expression() {
        return new ScheduleExpression().second(second).minute(minute).hour(hour).dayOfMonth(dayOfMonth)
                .month(month).dayOfWeek(dayOfWeek).year(year).timezone(timeZone);
    }
}
