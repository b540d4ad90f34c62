package ru.rsoko.meeting.document;

import ru.rsoko.platform.docx.OfficialHeader;
import java.time.LocalDate;
import java.util.List;

/**
 * An official letter as .docx (seeds 002 and 004): letterhead, «06.05.2021 № 57-2751», «на № _____ от _____»,
 * addressees on the right, the subject («О направлении протокола …»), the appeal («Уважаемые руководители!»),
 * the body, an optional list of requests (seed 004: «Для участия в совещании необходимо подготовить информацию на
 * 3-5 минут по вопросам: …»), the attachment line, the signature, the executor's contacts, and an optional
 * appendix on a page of its own (the agenda of an announced meeting).
 */
public record LetterModel(OfficialHeader header, String number, LocalDate date, List<String> addressees,
                          String subject, String appeal, List<String> body, List<String> requests,
                          String attachment, String signatoryPosition, String signatoryName, String executor,
                          Appendix appendix) {

    /** The same letter dated on the given day: a letter sent before anyone registered it. */
    public LetterModel datedOn(LocalDate day) {
        return new LetterModel(header, number, day, addressees, subject, appeal, body, requests, attachment,
                signatoryPosition, signatoryName, executor, appendix);
    }

    /** @param lines the appendix's text, one paragraph per line (numbered agenda items already numbered) */
    public record Appendix(String caption, String title, List<String> lines) {
    }
}
