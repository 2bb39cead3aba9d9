package cn.tzsw.college.registration;

import java.time.LocalDateTime;

/** One line of a lecture's roster, personal numbers masked. */
public record RosterEntry(long registrationId, long traineeId, String name, String maskedPhone, String maskedIdNumber,
                          String workUnit, String regionCode, RegistrationStatus status, LocalDateTime queuedAt,
                          boolean byAdmin) {
}
