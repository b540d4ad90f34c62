package ru.rsoko.meeting.domain;

import ru.rsoko.platform.search.Search;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.DecisionFacts;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.meeting.MeetingStatus;
import ru.rsoko.meeting.MeetingSummary;
import ru.rsoko.meeting.ProtocolSigned;
import ru.rsoko.meeting.document.LetterModel;
import ru.rsoko.meeting.document.LetterDocx;
import ru.rsoko.meeting.ProtocolSent;
import ru.rsoko.meeting.ResponsibleKind;
import ru.rsoko.meeting.ResponsibleParty;
import ru.rsoko.meeting.SignedDecision;
import ru.rsoko.meeting.protocol.DeadlineParser;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.file.StoredFile;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.TextLimits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Meetings and their protocols. Regional staff keep the region's meetings, a municipal officer those of the
 * municipality; everyone else opens a meeting only when it assigned them something. The agenda and decisions
 * are the protocol's content and are fixed once it is signed; signing fans the decisions out.
 * <p>
 * Every method owns its transaction and answers records ({@link MeetingView} and the like), never the entities.
 */
@Service
@Transactional
public class MeetingManagement implements MeetingService {

    static final HistoryFields<Meeting> HISTORY = HistoryFields.of(Meeting.class)
            .field("Вид", m -> m.getKind().label())
            .field("Тема", Meeting::getTitle)
            .field("Номер протокола", Meeting::getProtocolNumber)
            .field("Дата", m -> m.getDate() == null ? null : Formats.DATE.format(m.getDate()))
            .field("Время", Meeting::getStartTime)
            .field("Место", Meeting::getPlace)
            .field("Видеоконференция", Meeting::getVideoLink)
            .field("Председатель", Meeting::getChair)
            .field("Секретарь", Meeting::getSecretary)
            .field("Участники", Meeting::getParticipants)
            .field("Подключено муниципалитетов", Meeting::getMunicipalitiesConnected)
            .field("Состояние", m -> m.getStatus().label())
            .field("Подписывает протокол", m -> join(m.getSignatoryPosition(), m.getSignatoryName()))
            .field("Письмо-извещение", m -> LetterView.of(m.getAnnouncement()).reference())
            .field("Запрос информации", Meeting::getReportRequest)
            .field("Сопроводительное письмо", m -> LetterView.of(m.getCover()).reference())
            .field("Исполнитель", Meeting::getExecutor);

    private final MeetingRepository meetings;
    private final DirectoryService directory;
    private final ResponsibleResolver resolver;
    private final ExecutionFigures figures;
    private final FileStore files;
    private final AuditHistory auditHistory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeetingDocuments documents;

    MeetingManagement(MeetingRepository meetings, DirectoryService directory, ResponsibleResolver resolver,
                      ExecutionFigures figures, FileStore files, AuditHistory auditHistory,
                      ApplicationEventPublisher events, Clock clock, MeetingDocuments documents) {
        this.documents = documents;
        this.meetings = meetings;
        this.directory = directory;
        this.resolver = resolver;
        this.figures = figures;
        this.files = files;
        this.auditHistory = auditHistory;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading

    @Override
    @Transactional(readOnly = true)
    public Page<MeetingSummary> find(Scope scope, MeetingFilter filter, Pageable pageable) {
        String q = Search.containsPattern(filter.q());
        Page<Meeting> found = switch (scope.level()) {
            case ALL -> meetings.findVisible(true, null, null, NONE, filter.status(), filter.from(), filter.to(), q, pageable);
            case REGION -> meetings.findVisible(false, scope.regionId(), null, NONE, filter.status(), filter.from(), filter.to(), q, pageable);
            // a municipality's own meetings, and those that assigned it or its schools something (execution knows which)
            case MUNICIPALITY -> meetings.findVisible(false, null, scope.municipalityId(), addressedTo(scope),
                    filter.status(), filter.from(), filter.to(), q, pageable);
            case ORG_UNIT -> meetings.findVisible(false, null, null, addressedTo(scope),
                    filter.status(), filter.from(), filter.to(), q, pageable);
        };
        return found.map(Meeting::summary);
    }

    /** No meeting: what an id list in JPQL holds when nothing else is to be matched (an empty {@code in} is not SQL). */
    private static final List<Long> NONE = List.of(-1L);

    private List<Long> addressedTo(Scope scope) {
        Set<Long> ids = figures.meetingsAddressedTo(scope);
        return ids.isEmpty() ? NONE : List.copyOf(ids);
    }

    /** A page of meetings with the execution figures of each, for the list and its export. */
    @Transactional(readOnly = true)
    public MeetingListing list(Scope scope, MeetingFilter filter, Pageable pageable) {
        Page<MeetingSummary> found = find(scope, filter, pageable);
        return new MeetingListing(found, figures.countsByMeeting(scope, found.map(MeetingSummary::id).getContent()));
    }

    /** The meeting if the user may open it; "not found" otherwise. */
    @Transactional(readOnly = true)
    public MeetingView get(Scope scope, long id) {
        return MeetingView.of(load(scope, id));
    }

    /** What a meeting's card shows, in one reading. */
    @Transactional(readOnly = true)
    public MeetingCard card(CurrentUser user, long id) {
        MeetingView meeting = get(user.scope(), id);
        Map<Long, String> responsible = new HashMap<>();
        Map<Long, String> names = names(meeting.decisions().stream().flatMap(d -> d.responsible().stream()).toList());
        meeting.decisions().forEach(d -> responsible.put(d.id(), describe(d.responsible(), names)));
        return new MeetingCard(meeting, canEdit(user, meeting), directory.get(Scope.all(), meeting.organiserId()),
                responsible, matrix(user.scope(), meeting), auditHistory.of(Meeting.class, id, HISTORY));
    }

    /** The execution figures of a signed protocol in the scope; null before it is signed. */
    public ExecutionFigures.@Nullable Matrix matrix(Scope scope, MeetingView meeting) {
        return meeting.status().isProtocolFinal() ? figures.matrix(scope, meeting.summary()) : null;
    }

    /** The meeting's organiser, for letterheads and the API. */
    @Transactional(readOnly = true)
    public OrgUnit organiser(MeetingView meeting) {
        return directory.get(Scope.all(), meeting.organiserId());
    }

    /** Whether the user keeps this meeting: regional staff of its region for the region's, the municipality's officer for its own. */
    public boolean canEdit(CurrentUser user, MeetingView meeting) {
        return canEdit(user, meeting.regionId(), meeting.municipalityId());
    }

    private static boolean canEdit(CurrentUser user, long regionId, @Nullable Long municipalityId) {
        if (municipalityId != null) {
            return user.is(Role.MUNICIPALITY) && municipalityId.equals(user.municipalityId());
        }
        return user.is(Role.REGION) && Long.valueOf(regionId).equals(user.regionId());
    }

    public boolean canCreate(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.MUNICIPALITY);
    }

    @Transactional(readOnly = true)
    public MeetingView getForEdit(CurrentUser user, long id) {
        return MeetingView.of(loadForEdit(user, id));
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Scope scope, long id) {
        load(scope, id);
        return auditHistory.of(Meeting.class, id, HISTORY);
    }

    /** How the decision's responsible parties read: «Все муниципалитеты; ТОИПКРО». */
    @Transactional(readOnly = true)
    public String describe(List<ResponsibleParty> parties) {
        return describe(parties, names(parties));
    }

    private Map<Long, String> names(List<ResponsibleParty> parties) {
        Set<Long> ids = new LinkedHashSet<>();
        parties.stream().map(ResponsibleParty::orgUnitId).filter(Objects::nonNull).forEach(ids::add);
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            directory.byIds(ids).forEach((id, unit) -> names.put(id, unit.displayName()));
        }
        return names;
    }

    private static String describe(List<ResponsibleParty> parties, Map<Long, String> names) {
        List<String> described = new ArrayList<>();
        for (ResponsibleParty party : parties) {
            described.add(switch (party.kind()) {
                case ALL_MUNICIPALITIES -> "все муниципалитеты (руководители МОУО)";
                case ALL_SCHOOLS -> "все школы (руководители ОО)";
                case SCHOOLS_OF -> "школы: " + name(names, party.orgUnitId());
                case ORGANISATION -> name(names, party.orgUnitId());
            });
        }
        return String.join("; ", described);
    }

    private static String name(Map<Long, String> names, @Nullable Long id) {
        String name = id == null ? null : names.get(id);
        if (name == null) {
            throw NotFoundException.of("Организация", id);
        }
        return name;
    }

    /** A material of the meeting, for its download: an uploaded file or a link. */
    @Transactional(readOnly = true)
    public MaterialView material(Scope scope, long meetingId, long materialId) {
        return load(scope, meetingId).getAgenda().stream().flatMap(i -> i.getMaterials().stream())
                .filter(m -> m.getId().equals(materialId)).findFirst().map(MaterialView::of)
                .orElseThrow(() -> NotFoundException.of("Материал", materialId));
    }

    // ---- what other modules read

    @Override
    @Transactional(readOnly = true)
    public Map<Long, DecisionFacts> decisions(Collection<Long> decisionIds) {
        Map<Long, DecisionFacts> facts = new HashMap<>();
        if (decisionIds.isEmpty()) {
            return facts;
        }
        for (Decision d : meetings.findDecisionsWithMeetings(Set.copyOf(decisionIds))) {
            facts.put(d.getId(), facts(d));
        }
        return facts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SignedDecision> signedDecisions(long meetingId) {
        Meeting meeting = meetings.findById(meetingId).orElseThrow(() -> NotFoundException.of("Мероприятие", meetingId));
        if (!meeting.getStatus().isProtocolFinal()) {
            throw RuleViolationException.conflict("Протокол не подписан: по его решениям поручений нет");
        }
        return meeting.getDecisions().stream().map(d -> new SignedDecision(facts(d), d.getResponsible())).toList();
    }

    private static DecisionFacts facts(Decision d) {
        return new DecisionFacts(d.getId(), d.getNumber(), d.getText(), d.getResponsibleText(), d.getDeadline(),
                d.getReportPeriod(), d.getDaysAfterProcedure(), d.getMeeting().summary());
    }

    // ---- creating and changing

    public MeetingView create(CurrentUser user, MeetingForm form) {
        Meeting meeting = newMeeting(user, form);
        meetings.flush();
        return MeetingView.of(meeting);
    }

    private Meeting newMeeting(CurrentUser user, MeetingForm form) {
        if (!canCreate(user)) {
            throw RuleViolationException.forbidden("Мероприятия создают региональные специалисты и специалисты МОУО");
        }
        Meeting meeting = user.is(Role.MUNICIPALITY)
                ? new Meeting(user.regionId(), user.municipalityId(), user.municipalityId(), clock.instant())
                : new Meeting(user.regionId(), null, user.orgUnitId(), clock.instant());
        applyProtocolFields(meeting, form);
        applyLetters(meeting, form);
        return meetings.save(meeting);
    }

    public MeetingView update(CurrentUser user, long id, MeetingForm form) {
        Meeting meeting = change(user, id, form);
        meetings.flush();
        return MeetingView.of(meeting);
    }

    private Meeting change(CurrentUser user, long id, MeetingForm form) {
        Meeting meeting = loadForEdit(user, id);
        ConcurrentEditException.check(form.getVersion(), meeting.getVersion());
        if (meeting.getStatus().isProtocolFinal()) {
            checkProtocolUnchanged(meeting, form);
        } else {
            applyProtocolFields(meeting, form);
        }
        applyLetters(meeting, form);
        return meeting;
    }

    public void delete(CurrentUser user, long id) {
        Meeting meeting = loadForEdit(user, id);
        if (!meeting.getStatus().canBeDeleted()) {
            throw RuleViolationException.conflict("Протокол подписан: по его решениям ведётся исполнение, мероприятие удалить нельзя");
        }
        meetings.delete(meeting);
    }

    public MeetingView markHeld(CurrentUser user, long id, Long version) {
        Meeting meeting = loadForEdit(user, id);
        ConcurrentEditException.check(version, meeting.getVersion());
        if (!meeting.getStatus().canMoveTo(MeetingStatus.HELD)) {
            throw RuleViolationException.conflict("Отметить проведённым можно только запланированное мероприятие");
        }
        if (meeting.getDate().isAfter(today(meeting))) {
            throw RuleViolationException.conflict("Мероприятие назначено на " + Formats.DATE.format(meeting.getDate())
                    + ": отметить его проведённым можно в этот день или позже");
        }
        meeting.setStatus(MeetingStatus.HELD);
        meetings.flush();
        return MeetingView.of(meeting);
    }

    /**
     * Signs the protocol: from now on its decisions bind each responsible organisation, which gets its execution
     * record in the same transaction (see {@link ProtocolSigned}).
     */
    public MeetingView sign(CurrentUser user, long id, @Nullable Long version) {
        return signAsOf(user, id, version, null);
    }

    /** Signs as of a given day of the region: demo data enters protocols signed years ago. */
    MeetingView signAsOf(CurrentUser user, long id, @Nullable Long version, @Nullable LocalDate day) {
        Meeting meeting = loadForEdit(user, id);
        if (version != null) {
            ConcurrentEditException.check(version, meeting.getVersion());
        }
        if (!meeting.getStatus().canMoveTo(MeetingStatus.SIGNED)) {
            throw RuleViolationException.conflict("Протокол уже подписан");
        }
        LocalDate today = day != null ? day : today(meeting);
        if (meeting.getDate().isAfter(today)) {
            throw RuleViolationException.conflict("Протокол подписывают после мероприятия: оно назначено на "
                    + Formats.DATE.format(meeting.getDate()));
        }
        if (meeting.getDecisions().isEmpty()) {
            throw RuleViolationException.conflict("В протоколе нет решений: добавьте решения с ответственными и сроками");
        }
        List<String> problems = new ArrayList<>();
        for (Decision decision : meeting.getDecisions()) {
            if (decision.getResponsible().isEmpty()) {
                problems.add("решение " + decision.getNumber() + ": не указаны ответственные");
            }
        }
        if (!problems.isEmpty()) {
            throw RuleViolationException.conflict("Протокол нельзя подписать: " + String.join("; ", problems));
        }
        meeting.setStatus(MeetingStatus.SIGNED);
        meeting.setSignedAt(day != null ? day.atTime(12, 0).atZone(directory.region(meeting.getRegionId()).zone()).toInstant()
                : clock.instant());
        meetings.flush();
        events.publishEvent(new ProtocolSigned(meeting.getId(), today));
        return MeetingView.of(meeting);
    }

    /**
     * Sends a signed protocol: the meeting is marked sent and {@link ProtocolSent} tells the notification module to
     * write to each responsible organisation, with the covering letter attached. A letter not yet registered goes
     * with the day of sending and without a number.
     */
    public MeetingView send(CurrentUser user, long id, @Nullable Long version) {
        Meeting meeting = loadForEdit(user, id);
        if (version != null) {
            ConcurrentEditException.check(version, meeting.getVersion());
        }
        if (!meeting.getStatus().canMoveTo(MeetingStatus.SENT)) {
            throw RuleViolationException.conflict(meeting.getStatus() == MeetingStatus.SENT ? "Протокол уже направлен"
                    : "Направить можно подписанный протокол");
        }
        meeting.setStatus(MeetingStatus.SENT);
        meeting.setSentAt(clock.instant());
        meetings.flush();
        events.publishEvent(new ProtocolSent(meeting.getId(), meeting.getRegionId(), user.accountId()));
        return MeetingView.of(meeting);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<MeetingSummary> summary(long meetingId) {
        return meetings.findById(meetingId).map(Meeting::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Document coverLetter(long meetingId) {
        Meeting meeting = meetings.findById(meetingId).orElseThrow(() -> NotFoundException.of("Мероприятие", meetingId));
        MeetingView view = MeetingView.of(meeting);
        LetterModel letter = documents.cover(view);
        if (letter.date() == null) {
            letter = letter.datedOn(today(meeting));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            LetterDocx.write(letter, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Document("Сопроводительное письмо к протоколу от " + Formats.DATE.format(meeting.getDate()) + ".docx",
                out.toByteArray());
    }

    // ---- agenda

    public AgendaItemView addAgendaItem(CurrentUser user, long meetingId, AgendaItemForm form) {
        Meeting meeting = editableContent(user, meetingId);
        AgendaItem item = meeting.newAgendaItem();
        apply(item, form);
        meeting.add(item);
        meetings.flush();
        return AgendaItemView.of(item);
    }

    public AgendaItemView updateAgendaItem(CurrentUser user, long meetingId, long itemId, AgendaItemForm form) {
        Meeting meeting = editableContent(user, meetingId);
        AgendaItem item = agendaItem(meeting, itemId);
        ConcurrentEditException.check(form.getVersion(), item.getVersion());
        apply(item, form);
        meetings.flush();
        return AgendaItemView.of(item);
    }

    public void removeAgendaItem(CurrentUser user, long meetingId, long itemId) {
        Meeting meeting = editableContent(user, meetingId);
        meeting.removeAgendaItem(agendaItem(meeting, itemId));
    }

    /** A material of an agenda item: a file up to 20 MB, or a link. May be added after signing too. */
    public MaterialView addMaterial(CurrentUser user, long meetingId, long itemId, @Nullable String title,
                                    @Nullable String url, @Nullable MultipartFile file) {
        Meeting meeting = loadForEdit(user, meetingId);
        AgendaItem item = agendaItem(meeting, itemId);
        String cleanUrl = MeetingForm.clean(url);
        boolean hasFile = FileStore.isChosen(file);
        if (cleanUrl == null && !hasFile) {
            throw RuleViolationException.field("url", "Приложите файл или укажите ссылку");
        }
        if (cleanUrl != null && !cleanUrl.matches("^https?://\\S+$")) {
            throw RuleViolationException.field("url", "Ссылка должна начинаться с http:// или https://");
        }
        TextLimits.check("title", "Название материала", MeetingForm.clean(title), TextLimits.NAME);
        TextLimits.check("url", "Ссылка", cleanUrl, TextLimits.URL);
        StoredFile stored = hasFile ? files.store(file) : null;
        String name = MeetingForm.clean(title);
        if (name == null) {
            name = stored != null ? stored.getName() : cleanUrl;
        }
        AgendaMaterial material = new AgendaMaterial(item, name.length() > 500 ? name.substring(0, 500) : name,
                cleanUrl, stored, clock.instant(), user.getUsername());
        item.getMaterials().add(material);
        meetings.flush();
        return MaterialView.of(material);
    }

    public void removeMaterial(CurrentUser user, long meetingId, long materialId) {
        Meeting meeting = loadForEdit(user, meetingId);
        for (AgendaItem item : meeting.getAgenda()) {
            if (item.getMaterials().removeIf(m -> m.getId().equals(materialId))) {
                return;
            }
        }
        throw NotFoundException.of("Материал", materialId);
    }

    // ---- decisions

    public DecisionView addDecision(CurrentUser user, long meetingId, DecisionForm form) {
        Meeting meeting = editableContent(user, meetingId);
        Decision decision = meeting.newDecision();
        apply(meeting, decision, form);
        meeting.add(decision);
        meetings.flush();
        return DecisionView.of(decision);
    }

    public DecisionView updateDecision(CurrentUser user, long meetingId, long decisionId, DecisionForm form) {
        Meeting meeting = editableContent(user, meetingId);
        Decision decision = decision(meeting, decisionId);
        ConcurrentEditException.check(form.getVersion(), decision.getVersion());
        apply(meeting, decision, form);
        meetings.flush();
        return DecisionView.of(decision);
    }

    public void removeDecision(CurrentUser user, long meetingId, long decisionId) {
        Meeting meeting = editableContent(user, meetingId);
        meeting.removeDecision(decision(meeting, decisionId));
    }

    /**
     * Recognises responsible parties and the deadline from the wording, as a form would on saving: for a person to
     * see what the words will mean before they save.
     */
    @Transactional(readOnly = true)
    public DecisionForm recognise(CurrentUser user, long meetingId, DecisionForm form) {
        Meeting meeting = load(user.scope(), meetingId);
        if (form.chosenParties().isEmpty() && MeetingForm.clean(form.getResponsibleText()) != null) {
            ResponsibleResolver.Resolution resolution = resolver.resolve(ResponsibleResolver.split(form.getResponsibleText()),
                    meeting.getRegionId(), meeting.getMunicipalityId());
            form.choose(resolution.parties());
        }
        if (MeetingForm.clean(form.getDeadlineText()) != null) {
            Deadline deadline = DeadlineParser.parse(form.getDeadlineText(), meeting.getDate());
            form.setDeadlineKind(deadline.kind());
            form.setDueDate(deadline.dueDate());
            form.setPeriodStart(deadline.periodStart());
        }
        return form;
    }

    /** Creates a whole meeting at once: from a corrected protocol draft or through the API. */
    public MeetingView createWithContent(CurrentUser user, MeetingForm details, List<AgendaItemForm> agenda,
                                         List<DecisionForm> decisions) {
        Meeting meeting = newMeeting(user, details);
        meetings.flush();
        addContent(meeting, agenda, decisions);
        meetings.flush();
        return MeetingView.of(meeting);
    }

    private void addContent(Meeting meeting, List<AgendaItemForm> agenda, List<DecisionForm> decisions) {
        for (AgendaItemForm form : agenda) {
            AgendaItem item = meeting.newAgendaItem();
            apply(item, form);
            meeting.add(item);
        }
        List<String> problems = new ArrayList<>();
        for (DecisionForm form : decisions) {
            try {
                Decision decision = meeting.newDecision();
                apply(meeting, decision, form);
                meeting.add(decision);
            } catch (RuleViolationException e) {
                problems.add("решение " + form.getNumber() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(String.join("; ", problems));
        }
    }

    /** Replaces the agenda and the decisions of a meeting whose protocol is not signed yet (the API's PUT). */
    public MeetingView replaceContent(CurrentUser user, long id, MeetingForm details, @Nullable List<AgendaItemForm> agenda,
                                      @Nullable List<DecisionForm> decisions) {
        Meeting meeting = change(user, id, details);
        if (agenda == null && decisions == null) {
            meetings.flush();
            return MeetingView.of(meeting);
        }
        if (meeting.getStatus().isProtocolFinal()) {
            throw RuleViolationException.conflict("Протокол подписан: повестку и решения изменить нельзя");
        }
        if (agenda != null) {
            new ArrayList<>(meeting.getAgenda()).forEach(meeting::removeAgendaItem);
        }
        if (decisions != null) {
            new ArrayList<>(meeting.getDecisions()).forEach(meeting::removeDecision);
        }
        meetings.flush();
        addContent(meeting, agenda == null ? List.of() : agenda, decisions == null ? List.of() : decisions);
        meetings.flush();
        return MeetingView.of(meeting);
    }

    // ---- rules

    /** The meeting if the scope may open it; "not found" otherwise. Agenda and decisions are loaded. */
    private Meeting load(Scope scope, long id) {
        Meeting meeting = meetings.findWithAgenda(id).orElseThrow(() -> NotFoundException.of("Мероприятие", id));
        boolean visible = switch (scope.level()) {
            case ALL -> true;
            case REGION -> scope.regionId().equals(meeting.getRegionId());
            case MUNICIPALITY -> scope.municipalityId().equals(meeting.getMunicipalityId()) || figures.isAddressedTo(scope, id);
            case ORG_UNIT -> figures.isAddressedTo(scope, id);
        };
        if (!visible) {
            throw NotFoundException.of("Мероприятие", id);
        }
        return meeting;
    }

    private Meeting loadForEdit(CurrentUser user, long id) {
        Meeting meeting = load(user.scope(), id);
        if (!canEdit(user, meeting.getRegionId(), meeting.getMunicipalityId())) {
            throw RuleViolationException.forbidden(meeting.isMunicipal()
                    ? "Мероприятие муниципалитета ведёт его специалист МОУО"
                    : "Мероприятие региона ведут региональные специалисты");
        }
        return meeting;
    }

    private Meeting editableContent(CurrentUser user, long meetingId) {
        Meeting meeting = loadForEdit(user, meetingId);
        if (meeting.getStatus().isProtocolFinal()) {
            throw RuleViolationException.conflict("Протокол подписан: повестку и решения изменить нельзя");
        }
        return meeting;
    }

    private static AgendaItem agendaItem(Meeting meeting, long itemId) {
        return meeting.getAgenda().stream().filter(i -> i.getId().equals(itemId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("Пункт повестки", itemId));
    }

    private static Decision decision(Meeting meeting, long decisionId) {
        return meeting.getDecisions().stream().filter(d -> d.getId().equals(decisionId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("Решение", decisionId));
    }

    private static void apply(AgendaItem item, AgendaItemForm form) {
        item.setNumber(form.getNumber().strip());
        item.setTitle(form.getTitle().strip());
        item.setSpeakers(form.speakerLines());
        item.setHeard(MeetingForm.clean(form.getHeard()));
    }

    private void apply(Meeting meeting, Decision decision, DecisionForm form) {
        decision.setNumber(form.getNumber().strip());
        decision.setText(form.getText().strip());
        String wording = MeetingForm.clean(form.getResponsibleText());
        List<ResponsibleParty> parties = form.chosenParties();
        if (parties.isEmpty() && wording != null) {
            ResponsibleResolver.Resolution resolution = resolver.resolve(ResponsibleResolver.split(wording),
                    meeting.getRegionId(), meeting.getMunicipalityId());
            if (!resolution.unresolved().isEmpty()) {
                throw RuleViolationException.field("responsibleText", "Не удалось определить ответственных: «"
                        + String.join("», «", resolution.unresolved())
                        + "». Выберите их в форме или напишите наименование организации как в справочнике");
            }
            parties = resolution.parties();
        }
        if (parties.isEmpty()) {
            throw RuleViolationException.field("responsibleText", "Укажите ответственных");
        }
        checkParties(meeting, parties);
        decision.setResponsible(parties);
        decision.setResponsibleText(wording != null ? wording : describe(parties));
        decision.setDeadline(deadline(meeting, form));
        decision.setReportPeriod(form.getReportPeriod());
        decision.setDaysAfterProcedure(form.getDaysAfterProcedure());
    }

    /** Parties must belong to the meeting's region, and to the municipality for its own meeting. */
    private void checkParties(Meeting meeting, List<ResponsibleParty> parties) {
        for (ResponsibleParty party : parties) {
            if (party.orgUnitId() == null) {
                continue;
            }
            OrgUnit unit;
            try {
                unit = directory.get(meeting.isMunicipal() ? Scope.municipality(meeting.getRegionId(), meeting.getMunicipalityId())
                        : Scope.region(meeting.getRegionId()), party.orgUnitId());
            } catch (NotFoundException e) {
                throw RuleViolationException.field("organisations", meeting.isMunicipal()
                        ? "Ответственными на совещании муниципалитета могут быть только он сам и его школы"
                        : "Ответственная организация не найдена в регионе");
            }
            if (party.kind() == ResponsibleKind.SCHOOLS_OF && unit.type() != OrgUnitType.MUNICIPALITY) {
                throw RuleViolationException.field("schoolsOf", "«" + unit.name() + "» — не муниципалитет");
            }
            if (!unit.active()) {
                throw RuleViolationException.field("organisations", "«" + unit.name() + "» деактивирована");
            }
        }
    }

    private static Deadline deadline(Meeting meeting, DecisionForm form) {
        String wording = MeetingForm.clean(form.getDeadlineText());
        if (form.getDeadlineKind() == null) {
            if (wording == null) {
                throw RuleViolationException.field("deadlineText", "Укажите срок");
            }
            return DeadlineParser.parse(wording, meeting.getDate());
        }
        DeadlineKind kind = form.getDeadlineKind();
        if (kind.needsDate() && form.getDueDate() == null) {
            throw RuleViolationException.field("dueDate", "Для срока «" + kind.label() + "» укажите дату");
        }
        if (form.getPeriodStart() != null && form.getDueDate() != null && form.getPeriodStart().isAfter(form.getDueDate())) {
            throw RuleViolationException.field("periodStart", "Начало периода позже его окончания");
        }
        return new Deadline(kind, form.getDueDate(), kind == DeadlineKind.WITHIN_PERIOD ? form.getPeriodStart() : null,
                wording != null ? wording : describe(kind, form));
    }

    /** The wording of a deadline entered only as kind and dates, in the protocols' own style. */
    private static String describe(DeadlineKind kind, DecisionForm form) {
        String due = form.getDueDate() == null ? "" : Formats.DATE.format(form.getDueDate());
        return switch (kind) {
            case BY_DATE -> "до " + due;
            case BY_DATE_THEN_ONGOING -> "до " + due + ", далее - постоянно";
            case ONGOING -> "постоянно";
            case WITHIN_PERIOD -> form.getPeriodStart() == null ? "до " + due
                    : "в период с " + Formats.DATE.format(form.getPeriodStart()) + " по " + due;
            case AFTER_EACH_PROCEDURE -> "постоянно по итогам процедур оценки качества образования";
            case OTHER -> due.isEmpty() ? "по мере необходимости" : "не позднее " + due;
        };
    }

    private void applyProtocolFields(Meeting meeting, MeetingForm form) {
        meeting.setKind(form.getKind());
        meeting.setTitle(form.getTitle().strip());
        meeting.setProtocolNumber(MeetingForm.clean(form.getProtocolNumber()));
        meeting.setDate(form.getDate());
        meeting.setStartTime(form.getStartTime());
        meeting.setPlace(MeetingForm.clean(form.getPlace()));
        meeting.setChair(MeetingForm.clean(form.getChair()));
        meeting.setSecretary(MeetingForm.clean(form.getSecretary()));
        meeting.setParticipants(MeetingForm.clean(form.getParticipants()));
        meeting.setMunicipalitiesConnected(form.getMunicipalitiesConnected());
        meeting.setSignatory(MeetingForm.clean(form.getSignatoryPosition()), MeetingForm.clean(form.getSignatoryName()));
    }

    private void checkProtocolUnchanged(Meeting meeting, MeetingForm form) {
        boolean same = form.getKind() == meeting.getKind()
                && Objects.equals(MeetingForm.clean(form.getTitle()), meeting.getTitle())
                && Objects.equals(MeetingForm.clean(form.getProtocolNumber()), meeting.getProtocolNumber())
                && Objects.equals(form.getDate(), meeting.getDate())
                && Objects.equals(form.getStartTime(), meeting.getStartTime())
                && Objects.equals(MeetingForm.clean(form.getPlace()), meeting.getPlace())
                && Objects.equals(MeetingForm.clean(form.getChair()), meeting.getChair())
                && Objects.equals(MeetingForm.clean(form.getSecretary()), meeting.getSecretary())
                && Objects.equals(MeetingForm.clean(form.getParticipants()), meeting.getParticipants())
                && Objects.equals(form.getMunicipalitiesConnected(), meeting.getMunicipalitiesConnected())
                && Objects.equals(MeetingForm.clean(form.getSignatoryPosition()), meeting.getSignatoryPosition())
                && Objects.equals(MeetingForm.clean(form.getSignatoryName()), meeting.getSignatoryName());
        if (!same) {
            throw RuleViolationException.conflict("Протокол подписан: его данные (тема, дата, место, председатель, участники, подпись) "
                    + "изменить нельзя. Письма и исполнителя изменить можно.");
        }
    }

    private void applyLetters(Meeting meeting, MeetingForm form) {
        String link = MeetingForm.clean(form.getVideoLink());
        meeting.setVideoLink(link);
        meeting.setAnnouncement(form.announcement());
        meeting.setReportRequest(MeetingForm.clean(form.getReportRequest()));
        meeting.setCover(form.cover());
        meeting.setExecutor(MeetingForm.clean(form.getExecutor()));
    }

    /** Today in the meeting's region: dates of meetings and deadlines are the region's. */
    LocalDate today(Meeting meeting) {
        return LocalDate.now(clock.withZone(directory.region(meeting.getRegionId()).zone()));
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }
}
