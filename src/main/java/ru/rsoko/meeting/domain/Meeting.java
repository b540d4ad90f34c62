package ru.rsoko.meeting.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.MeetingStatus;
import ru.rsoko.meeting.MeetingSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A seminar or meeting of the region (held by ЦОКО or the department) or of a municipality with its schools'
 * directors: when and where, who chaired, the agenda, the decisions, and the letters around it. Its protocol is
 * signed once; the decisions then fan out into execution records.
 */
@Entity
@Audited
@Table(name = "meeting")
class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @Column(updatable = false)
    private Long municipalityId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long organiserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingKind kind;

    @Column(nullable = false)
    private String title;

    private String protocolNumber;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate date;

    private LocalTime startTime;

    private String place;

    private String videoLink;

    private String chair;

    private String secretary;

    /** One participant or category of participants per line, as the protocol lists them. */
    private String participants;

    private Integer municipalitiesConnected;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingStatus status = MeetingStatus.PLANNED;

    private String signatoryPosition;

    private String signatoryName;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "number", column = @Column(name = "announcement_number")),
            @AttributeOverride(name = "date", column = @Column(name = "announcement_date")),
            @AttributeOverride(name = "addressees", column = @Column(name = "announcement_addressees")),
            @AttributeOverride(name = "body", column = @Column(name = "announcement_body")),
            @AttributeOverride(name = "signatoryPosition", column = @Column(name = "announcement_signatory_position")),
            @AttributeOverride(name = "signatoryName", column = @Column(name = "announcement_signatory_name"))})
    private Letter announcement = Letter.empty();

    /** What municipalities are asked to prepare (seed 004: «информацию на 3-5 минут по вопросам …»). */
    private String reportRequest;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "number", column = @Column(name = "cover_number")),
            @AttributeOverride(name = "date", column = @Column(name = "cover_date")),
            @AttributeOverride(name = "addressees", column = @Column(name = "cover_addressees")),
            @AttributeOverride(name = "body", column = @Column(name = "cover_body")),
            @AttributeOverride(name = "signatoryPosition", column = @Column(name = "cover_signatory_position")),
            @AttributeOverride(name = "signatoryName", column = @Column(name = "cover_signatory_name"))})
    private Letter cover = Letter.empty();

    /** The executor of the letters: name and contacts, printed at the bottom. */
    private String executor;

    @NotAudited
    private Instant signedAt;

    @NotAudited
    private Instant sentAt;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @NotAudited
    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AgendaItem> agenda = new ArrayList<>();

    @NotAudited
    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Decision> decisions = new ArrayList<>();

    @Version
    private Long version;

    protected Meeting() {
    }

    Meeting(long regionId, Long municipalityId, long organiserId, Instant createdAt) {
        this.regionId = regionId;
        this.municipalityId = municipalityId;
        this.organiserId = organiserId;
        this.createdAt = createdAt;
    }

    /** A new agenda item of this meeting, not yet part of it: filled in first, then {@link #add(AgendaItem)}. */
    AgendaItem newAgendaItem() {
        return new AgendaItem(this);
    }

    /** A new decision of this meeting, not yet part of it: filled in first (which may query), then added. */
    Decision newDecision() {
        return new Decision(this);
    }

    AgendaItem add(AgendaItem item) {
        item.setPosition(agenda.size());
        agenda.add(item);
        return item;
    }

    Decision add(Decision decision) {
        decision.setPosition(decisions.size());
        decisions.add(decision);
        return decision;
    }

    void removeAgendaItem(AgendaItem item) {
        agenda.remove(item);
        renumber();
    }

    void removeDecision(Decision decision) {
        decisions.remove(decision);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < agenda.size(); i++) {
            agenda.get(i).setPosition(i);
        }
        for (int i = 0; i < decisions.size(); i++) {
            decisions.get(i).setPosition(i);
        }
    }

    /** Whose meeting it is: a municipality's own (with its schools), or the region's. */
    boolean isMunicipal() {
        return municipalityId != null;
    }

    MeetingSummary summary() {
        return new MeetingSummary(id, kind, title, date, status, regionId, municipalityId, protocolNumber, startTime,
                place);
    }

    Long getId() {
        return id;
    }

    Long getRegionId() {
        return regionId;
    }

    Long getMunicipalityId() {
        return municipalityId;
    }

    Long getOrganiserId() {
        return organiserId;
    }

    MeetingKind getKind() {
        return kind;
    }

    void setKind(MeetingKind kind) {
        this.kind = kind;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    String getProtocolNumber() {
        return protocolNumber;
    }

    void setProtocolNumber(String protocolNumber) {
        this.protocolNumber = protocolNumber;
    }

    LocalDate getDate() {
        return date;
    }

    void setDate(LocalDate date) {
        this.date = date;
    }

    LocalTime getStartTime() {
        return startTime;
    }

    void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    String getPlace() {
        return place;
    }

    void setPlace(String place) {
        this.place = place;
    }

    String getVideoLink() {
        return videoLink;
    }

    void setVideoLink(String videoLink) {
        this.videoLink = videoLink;
    }

    String getChair() {
        return chair;
    }

    void setChair(String chair) {
        this.chair = chair;
    }

    String getSecretary() {
        return secretary;
    }

    void setSecretary(String secretary) {
        this.secretary = secretary;
    }

    String getParticipants() {
        return participants;
    }

    List<String> getParticipantLines() {
        return Letter.lines(participants);
    }

    void setParticipants(String participants) {
        this.participants = participants;
    }

    Integer getMunicipalitiesConnected() {
        return municipalitiesConnected;
    }

    void setMunicipalitiesConnected(Integer municipalitiesConnected) {
        this.municipalitiesConnected = municipalitiesConnected;
    }

    MeetingStatus getStatus() {
        return status;
    }

    void setStatus(MeetingStatus status) {
        this.status = status;
    }

    String getSignatoryPosition() {
        return signatoryPosition;
    }

    String getSignatoryName() {
        return signatoryName;
    }

    void setSignatory(String position, String name) {
        this.signatoryPosition = position;
        this.signatoryName = name;
    }

    Letter getAnnouncement() {
        return announcement == null ? Letter.empty() : announcement;
    }

    void setAnnouncement(Letter announcement) {
        this.announcement = announcement;
    }

    String getReportRequest() {
        return reportRequest;
    }

    void setReportRequest(String reportRequest) {
        this.reportRequest = reportRequest;
    }

    Letter getCover() {
        return cover == null ? Letter.empty() : cover;
    }

    void setCover(Letter cover) {
        this.cover = cover;
    }

    String getExecutor() {
        return executor;
    }

    void setExecutor(String executor) {
        this.executor = executor;
    }

    Instant getSignedAt() {
        return signedAt;
    }

    void setSignedAt(Instant signedAt) {
        this.signedAt = signedAt;
    }

    Instant getSentAt() {
        return sentAt;
    }

    void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    List<AgendaItem> getAgenda() {
        return agenda;
    }

    List<Decision> getDecisions() {
        return decisions;
    }

    Long getVersion() {
        return version;
    }
}
