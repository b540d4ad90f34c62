package ru.rsoko.results.recheck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.math.BigDecimal;
import java.time.Instant;

/** One work of a re-check's sample: its code, the school's score and mark and the expert's (audited). */
@Entity
@Audited
@Table(name = "recheck_work")
class RecheckWork {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long recheckId;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long schoolId;
    @NotAudited
    @Column(updatable = false)
    private Long municipalityId;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private String code;
    private BigDecimal schoolScore;
    private Integer schoolMark;
    private Long expertId;
    private BigDecimal expertScore;
    private Integer expertMark;
    @NotAudited
    @Column(updatable = false)
    private String reason;
    @NotAudited
    private Instant checkedAt;
    @NotAudited
    private String checkedBy;
    @Version
    private Long version;

    protected RecheckWork() {
    }

    RecheckWork(long recheckId, long schoolId, Long municipalityId, String code, String reason) {
        this.reason = reason;
        this.recheckId = recheckId;
        this.schoolId = schoolId;
        this.municipalityId = municipalityId;
        this.code = code;
    }

    Long getId() {
        return id;
    }

    Long getRecheckId() {
        return recheckId;
    }

    Long getSchoolId() {
        return schoolId;
    }

    String getCode() {
        return code;
    }

    BigDecimal getSchoolScore() {
        return schoolScore;
    }

    Integer getSchoolMark() {
        return schoolMark;
    }

    Long getExpertId() {
        return expertId;
    }

    void setExpertId(Long expertId) {
        this.expertId = expertId;
    }

    BigDecimal getExpertScore() {
        return expertScore;
    }

    Integer getExpertMark() {
        return expertMark;
    }

    Long getVersion() {
        return version;
    }

    /** The marks and scores as typed; who and when are kept for the page. */
    void mark(BigDecimal schoolScore, Integer schoolMark, BigDecimal expertScore, Integer expertMark, Instant at, String by) {
        this.schoolScore = schoolScore;
        this.schoolMark = schoolMark;
        this.expertScore = expertScore;
        this.expertMark = expertMark;
        this.checkedAt = at;
        this.checkedBy = by;
    }
}
