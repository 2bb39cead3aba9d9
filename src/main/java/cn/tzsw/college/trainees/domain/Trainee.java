package cn.tzsw.college.trainees.domain;

import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Gender;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.shared.Masking;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "trainee")
public class Trainee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private Long accountId;

    private String name;

    @Column(name = "id_number")
    private String idNumber;

    private String phone;

    private String email;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "work_unit")
    private String workUnit;

    @Column(name = "region_code")
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "certificate_level")
    private CertificateLevel certificateLevel;

    @Column(name = "period_start")
    private LocalDate periodStart;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Trainee() {
    }

    public Trainee(long accountId, String name, IdNumber idNumber, String phone, String email, String workUnit,
                   String regionCode, CertificateLevel certificateLevel, LocalDate periodStart) {
        this.accountId = accountId;
        this.name = name;
        this.idNumber = idNumber.value();
        this.gender = idNumber.gender();
        this.birthDate = idNumber.birthDate();
        this.phone = phone;
        this.email = email;
        this.workUnit = workUnit;
        this.regionCode = regionCode;
        this.certificateLevel = certificateLevel;
        this.periodStart = certificateLevel.certified() ? periodStart : null;
        this.createdAt = LocalDateTime.now();
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getPhone() {
        return phone;
    }

    /** The trainee's own address, given when claiming an imported profile; a roster's address is kept. */
    public void addEmailIfMissing(String email) {
        if (this.email == null && email != null) {
            this.email = email;
        }
    }

    /** A correction by an administrator or coordinator; the period start only matters for certified trainees. */
    public void update(String name, String email, String workUnit, String regionCode, CertificateLevel level,
                       LocalDate periodStart) {
        this.name = name;
        this.email = email;
        this.workUnit = workUnit;
        this.regionCode = regionCode;
        this.certificateLevel = level;
        this.periodStart = level.certified() ? periodStart : null;
    }

    public TraineeSummary toSummary() {
        return new TraineeSummary(id, name, Masking.idNumber(idNumber), Masking.phone(phone), gender, workUnit,
                regionCode, certificateLevel);
    }

    public TraineeDetails toDetails() {
        return new TraineeDetails(id, accountId, name, Masking.idNumber(idNumber), Masking.phone(phone), gender,
                birthDate, workUnit, regionCode, certificateLevel, periodStart);
    }
}
