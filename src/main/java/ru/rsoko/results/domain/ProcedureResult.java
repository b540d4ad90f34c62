package ru.rsoko.results.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One school's results in one procedure, grade and subject: participants, marks «2»…«5», the mean primary score and
 * the comparison with the school's own marks. Its year and procedure type are copied from the procedure when created.
 */
@Entity
@Audited
@Table(name = "procedure_result")
class ProcedureResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long procedureId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private String procedureType;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @Column(updatable = false)
    private @Nullable Long municipalityId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long schoolId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private int year;

    private int grade;

    private String subject;

    private int participants;

    private int mark2;

    private int mark3;

    private int mark4;

    private int mark5;

    private @Nullable BigDecimal meanScore;

    private @Nullable Integer lowered;

    private @Nullable Integer confirmed;

    private @Nullable Integer raised;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @Version
    private Long version;

    protected ProcedureResult() {
    }

    ProcedureResult(long procedureId, String procedureType, long regionId, @Nullable Long municipalityId, long schoolId,
                    int year, int grade, String subject) {
        this.procedureId = procedureId;
        this.procedureType = procedureType;
        this.regionId = regionId;
        this.municipalityId = municipalityId;
        this.schoolId = schoolId;
        this.year = year;
        this.grade = grade;
        this.subject = subject;
    }

    /** Sets the figures; whether any of them changed. */
    boolean set(ResultInput.Figures f, String by, Instant now) {
        boolean changed = id == null || participants != f.participants() || mark2 != f.mark2() || mark3 != f.mark3()
                || mark4 != f.mark4() || mark5 != f.mark5() || !sameScore(meanScore, f.meanScore())
                || !java.util.Objects.equals(lowered, f.lowered()) || !java.util.Objects.equals(confirmed, f.confirmed())
                || !java.util.Objects.equals(raised, f.raised());
        if (changed) {
            participants = f.participants();
            mark2 = f.mark2();
            mark3 = f.mark3();
            mark4 = f.mark4();
            mark5 = f.mark5();
            meanScore = f.meanScore();
            lowered = f.lowered();
            confirmed = f.confirmed();
            raised = f.raised();
            updatedAt = now;
            updatedBy = by;
        }
        return changed;
    }

    private static boolean sameScore(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    Long getId() {
        return id;
    }

    Long getProcedureId() {
        return procedureId;
    }

    Long getSchoolId() {
        return schoolId;
    }

    int getGrade() {
        return grade;
    }

    String getSubject() {
        return subject;
    }

    int getParticipants() {
        return participants;
    }

    int getMark2() {
        return mark2;
    }

    int getMark3() {
        return mark3;
    }

    int getMark4() {
        return mark4;
    }

    int getMark5() {
        return mark5;
    }

    @Nullable BigDecimal getMeanScore() {
        return meanScore;
    }

    @Nullable Integer getLowered() {
        return lowered;
    }

    @Nullable Integer getConfirmed() {
        return confirmed;
    }

    @Nullable Integer getRaised() {
        return raised;
    }

    Long getVersion() {
        return version;
    }
}
