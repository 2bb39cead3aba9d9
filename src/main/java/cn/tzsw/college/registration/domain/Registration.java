package cn.tzsw.college.registration.domain;

import cn.tzsw.college.registration.RegistrationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A trainee's place on a lecture's roster or waitlist; one row per trainee and lecture, reused on return.
 * The entity only reads: every write goes through {@link RegistrationRows}.
 */
@Entity
@Table(name = "registration")
public class Registration {

    /** Drawn from the sequence registration_id_seq by {@link RegistrationRows#standingOfAccount}. */
    @Id
    private Long id;

    @Column(name = "lecture_id")
    private long lectureId;

    @Column(name = "trainee_id")
    private long traineeId;

    @Column(name = "county_code")
    private String countyCode;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private RegistrationStatus status;

    /** Place in line: the waitlist is served in this order. */
    @Column(name = "queued_at")
    private LocalDateTime queuedAt;

    @Column(name = "by_admin")
    private boolean byAdmin;

    protected Registration() {
    }

    public Long getId() {
        return id;
    }

    public long getLectureId() {
        return lectureId;
    }

    public long getTraineeId() {
        return traineeId;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public LocalDateTime getQueuedAt() {
        return queuedAt;
    }

    public boolean isByAdmin() {
        return byAdmin;
    }

    public boolean isActive() {
        return status.isActive();
    }
}
