package ru.rsoko.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import org.springframework.data.domain.Page;
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
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ru.rsoko.meeting.MeetingApi.*;

@RestController
@Tag(name = "Совещания и протоколы", description = "Мероприятия, повестка, решения; подписание протокола порождает поручения")
class MeetingApiController {

    private final MeetingService meetings;
    private final ExecutionService executions;
    private final DirectoryService directory;
    private final SpringValidatorAdapter validator;

    MeetingApiController(MeetingService meetings, ExecutionService executions, DirectoryService directory, Validator validator) {
        this.meetings = meetings;
        this.executions = executions;
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
        Page<Meeting> found = meetings.find(user.scope(), new MeetingService.MeetingFilter(status,
                year == null ? null : LocalDate.of(year, 1, 1), year == null ? null : LocalDate.of(year, 12, 31), q),
                PageRequest.of(page, size));
        Map<Long, ExecutionService.Counts> counts = executions.countsByMeeting(user.scope(), found.map(Meeting::getId).getContent());
        return new PagedModel<>(found.map(m -> new MeetingSummaryJson(m.getId(), m.getKind(), m.getTitle(), m.getDate(),
                m.getStatus(), m.isMunicipal(), CountsJson.of(counts.get(m.getId())))));
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
        Meeting meeting = meetings.createWithContent(user, details, agenda(request.agenda()), decisions(request.decisions()));
        MeetingJson body = json(user.scope(), meetings.get(user.scope(), meeting.getId()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(body.id()).toUri()).body(body);
    }

    @PutMapping("/api/v1/meetings/{id}")
    @Operation(summary = "Изменить мероприятие",
            description = "Передайте version из последнего чтения (иначе изменение применяется безусловно). Без agenda и "
                    + "decisions они остаются прежними; с ними — заменяются целиком, пока протокол не подписан.")
    MeetingJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody MeetingRequest request)
            throws BindException {
        Meeting current = meetings.getForEdit(user, id);
        MeetingForm details = details(request, request.version() != null ? request.version() : current.getVersion());
        meetings.replaceContent(user, id, details,
                request.agenda() == null ? null : agenda(request.agenda()),
                request.decisions() == null ? null : decisions(request.decisions()));
        return json(user.scope(), meetings.get(user.scope(), id));
    }

    @PostMapping("/api/v1/meetings/{id}/sign")
    @Operation(summary = "Подписать протокол: каждое решение становится поручением каждой ответственной организации")
    MeetingJson sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestParam(required = false) Long version) {
        meetings.sign(user, id, version);
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

    private MeetingJson json(Scope scope, Meeting m) {
        ExecutionService.Matrix matrix = m.getStatus().isProtocolFinal() ? executions.matrix(scope, m) : null;
        List<AgendaItemJson> agenda = m.getAgenda().stream()
                .map(i -> new AgendaItemJson(i.getId(), i.getNumber(), i.getTitle(), i.getSpeakerList(), i.getHeard())).toList();
        List<DecisionJson> decisions = m.getDecisions().stream().map(d -> new DecisionJson(d.getId(), d.getNumber(), d.getText(),
                ResponsibleResolver.split(d.getResponsibleText()), d.getResponsibleText(),
                d.getResponsible().stream().map(p -> new PartyJson(p.getKind(), p.getOrgUnitId(),
                        p.getOrgUnitId() == null ? null : directory.get(Scope.all(), p.getOrgUnitId()).name())).toList(),
                new DeadlineJson(d.getDeadlineKind(), d.getDeadline().dueDate(), d.getDeadline().periodStart(),
                        d.getDeadline().originalText()),
                d.getReportPeriod(), d.getDaysAfterProcedure(),
                matrix == null ? null : CountsJson.of(matrix.decision(d.getId())))).toList();
        var organiser = directory.get(Scope.all(), m.getOrganiserId());
        return new MeetingJson(m.getId(), m.getKind(), m.getTitle(), m.getProtocolNumber(), m.getDate(), m.getStartTime(),
                m.getPlace(), m.getVideoLink(), m.getChair(), m.getSecretary(), m.getParticipantLines(),
                m.getMunicipalitiesConnected(), m.getStatus(), new OrgJson(organiser.id(), organiser.name()),
                m.getMunicipalityId(), new SignatoryJson(m.getSignatoryPosition(), m.getSignatoryName()),
                letter(m.getAnnouncement()), m.getReportRequest(), letter(m.getCover()), m.getExecutor(), agenda, decisions,
                matrix == null ? null : CountsJson.of(matrix.total()), m.getSignedAt(), m.getVersion());
    }

    private static LetterJson letter(Letter l) {
        return new LetterJson(l.getNumber(), l.getDate(), l.getAddresseeLines(), l.getBody(), l.getSignatoryPosition(),
                l.getSignatoryName());
    }
}
