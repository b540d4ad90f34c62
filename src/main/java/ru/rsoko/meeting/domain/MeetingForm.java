package ru.rsoko.meeting.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import ru.rsoko.meeting.MeetingKind;

import java.time.LocalDate;
import java.time.LocalTime;

/** A meeting's details and letters as regional staff or a municipal officer enter them. */
public class MeetingForm {

    @NotNull(message = "Укажите вид мероприятия")
    private MeetingKind kind = MeetingKind.SEMINAR_MEETING;

    @NotBlank(message = "Укажите тему")
    @Size(max = 1000, message = "Не больше 1000 символов в поле «Тема»")
    private String title;

    @Size(max = 50, message = "Не больше 50 символов в поле «Номер протокола»")
    private String protocolNumber;

    @NotNull(message = "Укажите дату")
    private LocalDate date;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime startTime;

    @Size(max = 500, message = "Не больше 500 символов в поле «Место»")
    private String place;

    @Size(max = 1000, message = "Не больше 1000 символов в поле «Ссылка»")
    @Pattern(regexp = "^$|^https?://\\S+$", message = "Ссылка на видеоконференцию должна начинаться с http:// или https://")
    private String videoLink;

    @Size(max = 500, message = "Не больше 500 символов в поле «Председатель»")
    private String chair;

    @Size(max = 500, message = "Не больше 500 символов в поле «Секретарь»")
    private String secretary;

    @Size(max = 20000, message = "Не больше 20000 символов в поле «Список участников»")
    private String participants;

    @Min(value = 0, message = "Число муниципалитетов не может быть отрицательным")
    @Max(value = 1000, message = "Слишком большое число муниципалитетов")
    private Integer municipalitiesConnected;

    @Size(max = 300, message = "Не больше 300 символов в поле «Должность»")
    private String signatoryPosition;

    @Size(max = 200, message = "Не больше 200 символов в поле «Подпись»")
    private String signatoryName;

    @Size(max = 50, message = "Не больше 50 символов в поле «Номер письма»")
    private String announcementNumber;

    private LocalDate announcementDate;

    @Size(max = 5000, message = "Не больше 5000 символов в поле «Адресаты»")
    private String announcementAddressees;

    @Size(max = 20000, message = "Не больше 20000 символов в поле «Текст письма»")
    private String announcementBody;

    @Size(max = 20000, message = "Не больше 20000 символов в поле «Текст запроса»")
    private String reportRequest;

    @Size(max = 300, message = "Не больше 300 символов в поле «Должность»")
    private String announcementSignatoryPosition;

    @Size(max = 200, message = "Не больше 200 символов в поле «Подпись»")
    private String announcementSignatoryName;

    @Size(max = 50, message = "Не больше 50 символов в поле «Номер письма»")
    private String coverNumber;

    private LocalDate coverDate;

    @Size(max = 5000, message = "Не больше 5000 символов в поле «Адресаты»")
    private String coverAddressees;

    @Size(max = 20000, message = "Не больше 20000 символов в поле «Текст письма»")
    private String coverBody;

    @Size(max = 300, message = "Не больше 300 символов в поле «Должность»")
    private String coverSignatoryPosition;

    @Size(max = 200, message = "Не больше 200 символов в поле «Подпись»")
    private String coverSignatoryName;

    @Size(max = 500, message = "Не больше 500 символов в поле «Исполнитель»")
    private String executor;

    private Long version;

    public static MeetingForm of(MeetingView m) {
        MeetingForm f = new MeetingForm();
        f.kind = m.kind();
        f.title = m.title();
        f.protocolNumber = m.protocolNumber();
        f.date = m.date();
        f.startTime = m.startTime();
        f.place = m.place();
        f.videoLink = m.videoLink();
        f.chair = m.chair();
        f.secretary = m.secretary();
        f.participants = m.participants();
        f.municipalitiesConnected = m.municipalitiesConnected();
        f.signatoryPosition = m.signatoryPosition();
        f.signatoryName = m.signatoryName();
        LetterView a = m.announcement();
        f.announcementNumber = a.number();
        f.announcementDate = a.date();
        f.announcementAddressees = a.addressees();
        f.announcementBody = a.body();
        f.announcementSignatoryPosition = a.signatoryPosition();
        f.announcementSignatoryName = a.signatoryName();
        f.reportRequest = m.reportRequest();
        LetterView c = m.cover();
        f.coverNumber = c.number();
        f.coverDate = c.date();
        f.coverAddressees = c.addressees();
        f.coverBody = c.body();
        f.coverSignatoryPosition = c.signatoryPosition();
        f.coverSignatoryName = c.signatoryName();
        f.executor = m.executor();
        f.version = m.version();
        return f;
    }

    Letter announcement() {
        return new Letter(clean(announcementNumber), announcementDate, clean(announcementAddressees), clean(announcementBody),
                clean(announcementSignatoryPosition), clean(announcementSignatoryName));
    }

    Letter cover() {
        return new Letter(clean(coverNumber), coverDate, clean(coverAddressees), clean(coverBody),
                clean(coverSignatoryPosition), clean(coverSignatoryName));
    }

    public static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public MeetingKind getKind() { return kind; }
    public void setKind(MeetingKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getProtocolNumber() { return protocolNumber; }
    public void setProtocolNumber(String protocolNumber) { this.protocolNumber = protocolNumber; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getStartTime() { return startTime; }
    public void setStartTime(LocalTime startTime) { this.startTime = startTime; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getVideoLink() { return videoLink; }
    public void setVideoLink(String videoLink) { this.videoLink = videoLink; }
    public String getChair() { return chair; }
    public void setChair(String chair) { this.chair = chair; }
    public String getSecretary() { return secretary; }
    public void setSecretary(String secretary) { this.secretary = secretary; }
    public String getParticipants() { return participants; }
    public void setParticipants(String participants) { this.participants = participants; }
    public Integer getMunicipalitiesConnected() { return municipalitiesConnected; }
    public void setMunicipalitiesConnected(Integer municipalitiesConnected) { this.municipalitiesConnected = municipalitiesConnected; }
    public String getSignatoryPosition() { return signatoryPosition; }
    public void setSignatoryPosition(String signatoryPosition) { this.signatoryPosition = signatoryPosition; }
    public String getSignatoryName() { return signatoryName; }
    public void setSignatoryName(String signatoryName) { this.signatoryName = signatoryName; }
    public String getAnnouncementNumber() { return announcementNumber; }
    public void setAnnouncementNumber(String announcementNumber) { this.announcementNumber = announcementNumber; }
    public LocalDate getAnnouncementDate() { return announcementDate; }
    public void setAnnouncementDate(LocalDate announcementDate) { this.announcementDate = announcementDate; }
    public String getAnnouncementAddressees() { return announcementAddressees; }
    public void setAnnouncementAddressees(String announcementAddressees) { this.announcementAddressees = announcementAddressees; }
    public String getAnnouncementBody() { return announcementBody; }
    public void setAnnouncementBody(String announcementBody) { this.announcementBody = announcementBody; }
    public String getReportRequest() { return reportRequest; }
    public void setReportRequest(String reportRequest) { this.reportRequest = reportRequest; }
    public String getAnnouncementSignatoryPosition() { return announcementSignatoryPosition; }
    public void setAnnouncementSignatoryPosition(String v) { this.announcementSignatoryPosition = v; }
    public String getAnnouncementSignatoryName() { return announcementSignatoryName; }
    public void setAnnouncementSignatoryName(String v) { this.announcementSignatoryName = v; }
    public String getCoverNumber() { return coverNumber; }
    public void setCoverNumber(String coverNumber) { this.coverNumber = coverNumber; }
    public LocalDate getCoverDate() { return coverDate; }
    public void setCoverDate(LocalDate coverDate) { this.coverDate = coverDate; }
    public String getCoverAddressees() { return coverAddressees; }
    public void setCoverAddressees(String coverAddressees) { this.coverAddressees = coverAddressees; }
    public String getCoverBody() { return coverBody; }
    public void setCoverBody(String coverBody) { this.coverBody = coverBody; }
    public String getCoverSignatoryPosition() { return coverSignatoryPosition; }
    public void setCoverSignatoryPosition(String v) { this.coverSignatoryPosition = v; }
    public String getCoverSignatoryName() { return coverSignatoryName; }
    public void setCoverSignatoryName(String v) { this.coverSignatoryName = v; }
    public String getExecutor() { return executor; }
    public void setExecutor(String executor) { this.executor = executor; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
