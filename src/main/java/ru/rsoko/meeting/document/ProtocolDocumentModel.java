package ru.rsoko.meeting.document;

import ru.rsoko.platform.docx.OfficialHeader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Everything the protocol .docx shows, in the official form of seed 002: letterhead, «ПРОТОКОЛ», the kind in the
 * genitive («Семинара-совещания»), the title in «», date, time, place, ПРЕДСЕДАТЕЛЬ, УЧАСТНИКИ, ПОВЕСТКА with
 * «Докладчик –», РЕШИЛИ with «Ответственные –» and «Срок –» under each decision, and the signature.
 *
 * @param number            the protocol's own number, e.g. "3", or null
 * @param kindGenitive      «семинара-совещания»
 * @param chair             «Вторина Елена Вениаминовна - заместитель начальника Департамента …», or null
 * @param municipalitiesConnected how many municipalities took part remotely, or null
 * @param signatoryName     as signed, e.g. «Е.В. Вторина»
 */
public record ProtocolDocumentModel(OfficialHeader header, String number, String kindGenitive, String title,
                                    LocalDate date, LocalTime time, String place, String chair,
                                    List<String> participants, Integer municipalitiesConnected,
                                    List<AgendaItem> agenda, List<Decision> decisions,
                                    String signatoryPosition, String signatoryName) {

    /** @param speakers each as «Фамилия Имя Отчество, должность организации» */
    public record AgendaItem(String number, String title, List<String> speakers, String heard) {
    }

    /**
     * @param responsible the responsible parties as the protocol words them: «руководители МОУО, руководители ОО»
     * @param deadline    the deadline's original wording: «до 31 мая 2021 года»
     */
    public record Decision(String number, String text, String responsible, String deadline) {
    }
}
