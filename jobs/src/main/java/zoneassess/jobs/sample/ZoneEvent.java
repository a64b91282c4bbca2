package zoneassess.jobs.sample;

import java.time.LocalDate;

/** One row of the sample {@code zone_events} file. */
public record ZoneEvent(
    String zoneCode, LocalDate eventDate, String eventType, int count, String note) {}
