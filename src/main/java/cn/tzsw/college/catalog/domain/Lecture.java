package cn.tzsw.college.catalog.domain;

import cn.tzsw.college.catalog.LectureStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One session (课次) of a course. {@code taken} is the seat counter; only {@link LectureSeatCounter} changes it, with
 * a conditional UPDATE, so JPA never writes it.
 */
@Entity
@Table(name = "lecture")
public class Lecture {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(name = "starts_at")
    private LocalDateTime startsAt;

    @Column(name = "ends_at")
    private LocalDateTime endsAt;

    private String venue;

    @Column(name = "stream_url")
    private String streamUrl;

    @Column(name = "video_url")
    private String videoUrl;

    private int capacity;

    @Column(insertable = false, updatable = false)
    private int taken;

    @Column(name = "registration_opens")
    private LocalDateTime registrationOpens;

    @Column(name = "registration_closes")
    private LocalDateTime registrationCloses;

    @Column(name = "cancellation_deadline")
    private LocalDateTime cancellationDeadline;

    @Column(name = "region_restriction")
    private String regionRestriction;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private LectureStatus status;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Lecture() {
    }

    public Lecture(Course course) {
        this.course = course;
        this.status = LectureStatus.SCHEDULED;
        this.createdAt = LocalDateTime.now();
    }

    public void schedule(LocalDateTime startsAt, LocalDateTime endsAt, String venue, String streamUrl, String videoUrl,
                         LocalDateTime registrationOpens, LocalDateTime registrationCloses,
                         LocalDateTime cancellationDeadline, String regionRestriction) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.venue = venue;
        this.streamUrl = streamUrl;
        this.videoUrl = videoUrl;
        this.registrationOpens = registrationOpens;
        this.registrationCloses = registrationCloses;
        this.cancellationDeadline = cancellationDeadline;
        this.regionRestriction = regionRestriction;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public void cancel() {
        this.status = LectureStatus.CANCELLED;
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public String getVenue() {
        return venue;
    }

    public String getStreamUrl() {
        return streamUrl;
    }

    public String getVideoUrl() {
        return videoUrl;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getTaken() {
        return taken;
    }

    public LocalDateTime getRegistrationOpens() {
        return registrationOpens;
    }

    public LocalDateTime getRegistrationCloses() {
        return registrationCloses;
    }

    public LocalDateTime getCancellationDeadline() {
        return cancellationDeadline;
    }

    public String getRegionRestriction() {
        return regionRestriction;
    }

    public LectureStatus getStatus() {
        return status;
    }
}
