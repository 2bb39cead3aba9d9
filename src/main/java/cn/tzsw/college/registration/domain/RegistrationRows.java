package cn.tzsw.college.registration.domain;

import cn.tzsw.college.registration.RegistrationStatus;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every write to the registration table, and the reads that join catalog's and trainees' read models: a fragment
 * of {@link RegistrationRepository} in plain SQL. The registration path reads what it decides on in one round trip
 * and writes its row without an ORM session between the seat claim and the commit (the lecture row stays locked
 * for exactly that long); the entity only reads.
 */
public interface RegistrationRows {

    /**
     * The lecture's terms; the trainee (null id: no trainee profile) and their region; their earlier row for this
     * lecture (null id: none); a registered, scheduled lecture of theirs that overlaps this one (null: none; a
     * recorded video's window is when it may be watched, not an appointment, so it clashes with nothing); and a
     * fresh id from the sequence for a new row.
     */
    record Standing(LectureTerms lecture, Long traineeId, String regionCode, Long registrationId,
                    RegistrationStatus status, Long overlappingLectureId, long freshId) {

        Standing withQuotaCounties(Set<String> counties) {
            return new Standing(lecture.withQuotaCounties(counties), traineeId, regionCode, registrationId, status,
                    overlappingLectureId, freshId);
        }

        /** The id the registration will have: its earlier row's, or the fresh one. */
        public long idToUse() {
            return registrationId != null ? registrationId : freshId;
        }
    }

    /** The standing of the trainee whose account this is; empty when there is no such lecture. */
    Optional<Standing> standingOfAccount(long accountId, long lectureId);

    /** The standing of the trainee; empty when there is no such lecture. */
    Optional<Standing> standingOfTrainee(long traineeId, long lectureId);

    /** The status of each of these registrations that exists (plain rows: a mail batch reads hundreds). */
    Map<Long, RegistrationStatus> statuses(Collection<Long> registrationIds);

    /** The lecture's terms alone, for seat decisions other than a registration. */
    Optional<LectureTerms> terms(long lectureId);

    /**
     * A new row with the id drawn by the standing query, registered if catalog's seat claim
     * ({@code catalog.LectureSeats#CLAIM}) takes a seat for the county within the same statement, else waitlisted;
     * returns which. A second row for the same trainee and lecture fails on the unique key, and the statement's
     * claim with it.
     */
    RegistrationStatus insertClaimingSeat(long id, long lectureId, long traineeId, String countyCode,
                                          boolean countyHasQuota, boolean byAdmin, LocalDateTime now);

    /**
     * A cancelled row rejoins at the back of the line, counted in the trainee's county of today; false when it
     * is no longer cancelled (the same trainee rejoined at the same moment).
     */
    boolean rejoin(long registrationId, String countyCode, RegistrationStatus status, boolean byAdmin,
                   LocalDateTime now);

    /** Moves a registration, read under its row lock by the caller, to another status. */
    void changeStatus(long registrationId, RegistrationStatus status, LocalDateTime now);
}
