package ru.rsoko.meeting.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Arrays;
import java.util.List;

/** An agenda item as entered: speakers one per line. */
public class AgendaItemForm {

    @NotBlank(message = "Укажите номер пункта")
    @Size(max = 20, message = "Не больше 20 символов в поле «Номер»")
    private String number;

    @NotBlank(message = "Укажите вопрос повестки")
    @Size(max = 5000, message = "Не больше 5000 символов в поле «Вопрос»")
    private String title;

    @Size(max = 5000, message = "Не больше 5000 символов в поле «Докладчики»")
    private String speakers;

    @Size(max = 50000, message = "Не больше 50000 символов в поле «СЛУШАЛИ»")
    private String heard;

    private Long version;

    public static AgendaItemForm of(AgendaItemView item) {
        AgendaItemForm f = new AgendaItemForm();
        f.number = item.number();
        f.title = item.title();
        f.speakers = item.speakers();
        f.heard = item.heard();
        f.version = item.version();
        return f;
    }

    public static AgendaItemForm of(String number, String title, List<String> speakers, String heard) {
        AgendaItemForm f = new AgendaItemForm();
        f.number = number;
        f.title = title;
        f.speakers = speakers == null ? null : String.join("\n", speakers);
        f.heard = heard;
        return f;
    }

    List<String> speakerLines() {
        return speakers == null ? List.of() : Arrays.stream(speakers.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSpeakers() { return speakers; }
    public void setSpeakers(String speakers) { this.speakers = speakers; }
    public String getHeard() { return heard; }
    public void setHeard(String heard) { this.heard = heard; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
