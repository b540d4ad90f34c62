package ru.rsoko.meeting.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An item of the agenda («ПОВЕСТКА»): its title, speakers one per line, what was heard, and materials. */
@Entity
@Audited
@Table(name = "agenda_item")
class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String number;

    @Column(nullable = false)
    private String title;

    /** One speaker per line: «Вторина Елена Вениаминовна, заместитель начальника Департамента …». */
    private String speakers;

    private String heard;

    @NotAudited
    @OneToMany(mappedBy = "agendaItem", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<AgendaMaterial> materials = new ArrayList<>();

    @Version
    private Long version;

    protected AgendaItem() {
    }

    AgendaItem(Meeting meeting) {
        this.meeting = meeting;
    }

    Long getId() {
        return id;
    }

    Meeting getMeeting() {
        return meeting;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    String getNumber() {
        return number;
    }

    void setNumber(String number) {
        this.number = number;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    String getSpeakers() {
        return speakers;
    }

    List<String> getSpeakerList() {
        return speakers == null ? List.of() : Arrays.stream(speakers.split("\n")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    void setSpeakers(List<String> speakerLines) {
        List<String> clean = speakerLines == null ? List.of()
                : speakerLines.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        this.speakers = clean.isEmpty() ? null : String.join("\n", clean);
    }

    String getHeard() {
        return heard;
    }

    void setHeard(String heard) {
        this.heard = heard;
    }

    List<AgendaMaterial> getMaterials() {
        return materials;
    }

    Long getVersion() {
        return version;
    }
}
