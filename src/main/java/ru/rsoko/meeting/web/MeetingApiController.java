package ru.rsoko.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.meeting.MeetingStatus;
import ru.rsoko.meeting.ResponsibleParty;
import ru.rsoko.meeting.domain.AgendaItemForm;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.LetterView;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingListing;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.meeting.domain.ResponsibleResolver;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static ru.rsoko.meeting.web.MeetingApi.*;
import ru.rsoko.platform.web.ConcurrentEditException;

@RestController
@Tag(name = "Совещания и протоколы", description = "Мероприятия, повестка, решения; подписание протокола порождает поручения")
class MeetingApiController {

    private final MeetingManagement meetings;
    private final DirectoryService directory;
    private final SpringValidatorAdapter validator;

    MeetingApiController(MeetingManagement meetings, DirectoryService directory, Validator validator) {
        this.meetings = meetings;
        this.directory = directory;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @GetMapping("/api/v1/meetings")
    @Operation(summary = "Мероприятия, доступные пользователю, постранично",
            description = "Региональный уровень видит мероприятия региона; МОУО — свои и те, что дали ему или его школам поручения; школа — те, что дали поручения ей.")
    PagedModel<MeetingSummaryJson> list(@AuthenticationPrincipal CurrentUser user,
                                        @RequestParam(required = false) MeetingStatus status,
                                        @RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new RuleViolationException("Номер страницы — от 0, размер страницы — от 1 до 500");
        }
        MeetingListing found = meetings.list(user.scope(), new MeetingService.MeetingFilter(status,
                year == null ? null : LocalDate.of(year, 1, 1), year == null ? null : LocalDate.of(year, 12, 31), q),
                PageRequest.of(page, size));
        Map<Long, ExecutionFigures.Counts> counts = found.counts();
        return new PagedModel<>(found.meetings().map(m -> new MeetingSummaryJson(m.id(), m.kind(), m.title(), m.date(),
                m.status(), m.municipal(), CountsJson.of(counts.get(m.id())))));
    }

    @GetMapping("/api/v1/meetings/{id}")
    @Operation(summary = "Мероприятие с повесткой, решениями и ходом их исполнения")
    MeetingJson get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return json(user.scope(), meetings.get(user.scope(), id));
    }

    @PostMapping("/api/v1/meetings")
    @Operation(summary = "Создать мероприятие (региональный специалист или МОУО)",
            description = "Тело может быть черновиком из POST /api/v1/protocols/parse: ответственные словами протокола "
                    + "(«руководители МОУО», «ТОИПКРО») распознаются по справочнику; нераспознанные — ошибка 400.")
    ResponseEntity<MeetingJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody MeetingRequest request) throws BindException {
        MeetingForm details = details(request, null);
        MeetingView meeting = meetings.createWithContent(user, details, agenda(request.agenda()), decisions(request.decisions()));
        MeetingJson body = json(user.scope(), meetings.get(user.scope(), meeting.id()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(body.id()).toUri()).body(body);
    }

    @PutMapping("/api/v1/meetings/{id}")
    @Operation(summary = "Изменить мероприятие",
            description = "version из последнего чтения обязательна (без неё — 400), устаревшая — 409. Без agenda и "
                    + "decisions они остаются прежними; с ними — заменяются целиком, пока протокол не подписан.")
    MeetingJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody MeetingRequest request)
            throws BindException {
        MeetingView current = meetings.getForEdit(user, id);
        MeetingForm details = details(request, ConcurrentEditException.required(request.version()));
        meetings.replaceContent(user, id, details,
                request.agenda() == null ? null : agenda(request.agenda()),
                request.decisions() == null ? null : decisions(request.decisions()));
        return json(user.scope(), meetings.get(user.scope(), id));
    }

    @PostMapping("/api/v1/meetings/{id}/sign")
    @Operation(summary = "Подписать протокол: каждое решение становится поручением каждой ответственной организации")
    MeetingJson sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestParam(required = false) Long version) {
        meetings.get(user.scope(), id);
        meetings.sign(user, id, ConcurrentEditException.required(version));
        return json(user.scope(), meetings.get(user.scope(), id));
    }

    @PostMapping("/api/v1/meetings/{id}/send")
    @Operation(summary = "Направить подписанный протокол ответственным организациям",
            description = "Каждая ответственная организация получает одно уведомление (в системе и по e-mail) с адресованными "
                    + "ей решениями, сроками и ссылкой; к письму приложено сопроводительное письмо (.docx). Повторная "
                    + "отправка — 409.")
    MeetingJson send(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestParam(required = false) Long version) {
        meetings.get(user.scope(), id);
        meetings.send(user, id, ConcurrentEditException.required(version));
        return json(user.scope(), meetings.get(user.scope(), id));
    }

    // ---- mapping

    private MeetingForm details(MeetingRequest r, Long version) throws BindException {
        MeetingForm f = new MeetingForm();
        f.setKind(r.kind() == null ? MeetingKind.SEMINAR_MEETING : kind(r.kind()));
        f.setTitle(r.title());
        f.setProtocolNumber(r.protocolNumber());
        f.setDate(r.date());
        f.setStartTime(r.time());
        f.setPlace(r.place());
        f.setVideoLink(r.videoLink());
        f.setChair(r.chair());
        f.setSecretary(r.secretary());
        f.setParticipants(r.participants() == null ? null : String.join("\n", r.participants()));
        f.setMunicipalitiesConnected(r.municipalitiesConnected());
        if (r.signatory() != null) {
            f.setSignatoryPosition(r.signatory().position());
            f.setSignatoryName(r.signatory().name());
        }
        if (r.announcement() != null) {
            LetterJson a = r.announcement();
            f.setAnnouncementNumber(a.number());
            f.setAnnouncementDate(a.date());
            f.setAnnouncementAddressees(a.addressees() == null ? null : String.join("\n", a.addressees()));
            f.setAnnouncementBody(a.body());
            f.setAnnouncementSignatoryPosition(a.signatoryPosition());
            f.setAnnouncementSignatoryName(a.signatoryName());
        }
        f.setReportRequest(r.reportRequest());
        if (r.cover() != null) {
            LetterJson c = r.cover();
            f.setCoverNumber(c.number());
            f.setCoverDate(c.date());
            f.setCoverAddressees(c.addressees() == null ? null : String.join("\n", c.addressees()));
            f.setCoverBody(c.body());
            f.setCoverSignatoryPosition(c.signatoryPosition());
            f.setCoverSignatoryName(c.signatoryName());
        }
        f.setExecutor(r.executor());
        f.setVersion(version);
        validate(f, "meeting");
        return f;
    }

    private List<AgendaItemForm> agenda(List<AgendaItemJson> items) throws BindException {
        List<AgendaItemForm> forms = new ArrayList<>();
        if (items == null) {
            return forms;
        }
        for (int i = 0; i < items.size(); i++) {
            AgendaItemJson item = items.get(i);
            AgendaItemForm form = AgendaItemForm.of(item.number() == null ? String.valueOf(i + 1) : item.number(),
                    item.title(), item.speakers(), item.heard());
            validate(form, "agenda[" + i + "]");
            forms.add(form);
        }
        return forms;
    }

    private List<DecisionForm> decisions(List<DecisionJson> items) throws BindException {
        List<DecisionForm> forms = new ArrayList<>();
        if (items == null) {
            return forms;
        }
        for (int i = 0; i < items.size(); i++) {
            DecisionJson d = items.get(i);
            DecisionForm form = new DecisionForm();
            form.setNumber(d.number() == null ? String.valueOf(i + 1) : d.number());
            form.setText(d.text());
            String wording = d.responsibleText() != null ? d.responsibleText()
                    : d.responsible() == null || d.responsible().isEmpty() ? null : String.join("; ", d.responsible());
            form.setResponsibleText(wording);
            if (d.responsibleParties() != null) {
                form.choose(d.responsibleParties().stream().map(p -> new ResponsibleParty(p.kind(), p.orgUnitId())).toList());
            }
            if (d.deadline() != null) {
                form.setDeadlineKind(d.deadline().kind());
                form.setDueDate(d.deadline().dueDate());
                form.setPeriodStart(d.deadline().periodStart());
                form.setDeadlineText(d.deadline().originalText());
            }
            if (d.reportPeriod() != null) {
                form.setReportPeriod(d.reportPeriod());
            }
            if (d.daysAfterProcedure() != null) {
                form.setDaysAfterProcedure(d.daysAfterProcedure());
            }
            validate(form, "decisions[" + i + "]");
            forms.add(form);
        }
        return forms;
    }

    private void validate(Object form, String name) throws BindException {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, name);
        validator.validate(form, result);
        if (result.hasErrors()) {
            throw new BindException(result);
        }
    }

    private static MeetingKind kind(String text) {
        try {
            return MeetingKind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return MeetingKind.parse(text).orElse(MeetingKind.OTHER);
        }
    }

    private MeetingJson json(Scope scope, MeetingView m) {
        ExecutionFigures.Matrix matrix = meetings.matrix(scope, m);
        Set<Long> ids = new HashSet<>();
        ids.add(m.organiserId());
        m.decisions().forEach(d -> d.responsible().stream().map(ResponsibleParty::orgUnitId).filter(Objects::nonNull).forEach(ids::add));
        Map<Long, OrgUnit> units = directory.byIds(ids);
        List<AgendaItemJson> agenda = m.agenda().stream()
                .map(i -> new AgendaItemJson(i.id(), i.number(), i.title(), i.speakerList(), i.heard())).toList();
        List<DecisionJson> decisions = m.decisions().stream().map(d -> new DecisionJson(d.id(), d.number(), d.text(),
                ResponsibleResolver.split(d.responsibleText()), d.responsibleText(),
                d.responsible().stream().map(p -> new PartyJson(p.kind(), p.orgUnitId(),
                        p.orgUnitId() == null ? null : name(units, p.orgUnitId()))).toList(),
                new DeadlineJson(d.deadlineKind(), d.deadline().dueDate(), d.deadline().periodStart(),
                        d.deadline().originalText()),
                d.reportPeriod(), d.daysAfterProcedure(),
                matrix == null ? null : CountsJson.of(matrix.decision(d.id())))).toList();
        return new MeetingJson(m.id(), m.kind(), m.title(), m.protocolNumber(), m.date(), m.startTime(),
                m.place(), m.videoLink(), m.chair(), m.secretary(), m.participantLines(),
                m.municipalitiesConnected(), m.status(), new OrgJson(m.organiserId(), name(units, m.organiserId())),
                m.municipalityId(), new SignatoryJson(m.signatoryPosition(), m.signatoryName()),
                letter(m.announcement()), m.reportRequest(), letter(m.cover()), m.executor(), agenda, decisions,
                matrix == null ? null : CountsJson.of(matrix.total()), m.signedAt(), m.version());
    }

    private static String name(Map<Long, OrgUnit> units, long id) {
        OrgUnit unit = units.get(id);
        if (unit == null) {
            throw NotFoundException.of("Организация", id);
        }
        return unit.name();
    }

    private static LetterJson letter(LetterView l) {
        return new LetterJson(l.number(), l.date(), l.addresseeLines(), l.body(), l.signatoryPosition(),
                l.signatoryName());
    }
}
