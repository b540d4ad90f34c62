package ru.rsoko.results.recheck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An expert of the subject commission of a re-check. */
@Entity
@Table(name = "recheck_expert")
class RecheckExpert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private Long recheckId;
    @Column(nullable = false)
    private String name;
    private String position;
    @Version
    private Long version;

    protected RecheckExpert() {
    }

    RecheckExpert(long recheckId, String name, String position) {
        this.recheckId = recheckId;
        this.name = name;
        this.position = position;
    }

    Long getId() {
        return id;
    }

    Long getRecheckId() {
        return recheckId;
    }

    String getName() {
        return name;
    }

    Long getVersion() {
        return version;
    }
}
