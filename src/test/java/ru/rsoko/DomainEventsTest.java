package ru.rsoko;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.execution.ExecutionCommented;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.domain.CommentView;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.SchoolsListed;
import ru.rsoko.objectivity.domain.SchoolListImportService;
import ru.rsoko.objectivity.domain.SchoolListService;
import ru.rsoko.objectivity.domain.SchoolListWorkbook;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureRescheduled;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.domain.PlanService;
import ru.rsoko.plan.domain.PlanWorkbook;
import ru.rsoko.plan.domain.ProcedureForm;
import ru.rsoko.plan.domain.StatusForm;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.vsoko.CampaignStatusChanged;
import ru.rsoko.vsoko.SelfAssessmentReviewed;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.VsokoCampaigns;
import ru.rsoko.vsoko.VsokoCampaigns.PendingSelfAssessment;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The events other modules publish for the notifications, each from the real service (or page) that makes the
 * change, with the fields the notifications read. Everything happens in a region made for the test, so no demo row
 * other tests read is touched.
 */
@IntegrationTest
@RecordApplicationEvents
class DomainEventsTest {

    @Autowired
    ApplicationEvents events;
    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanFixtures plans;
    @Autowired
    MeetingFixtures meetings;
    @Autowired
    ExecutionManagement executions;
    @Autowired
    PlanService planService;
    @Autowired
    CampaignService campaigns;
    @Autowired
    VsokoCampaigns vsokoCampaigns;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SchoolListService lists;
    @Autowired
    SchoolListImportService listImports;

    PlanFixtures.TestRegion r;
    CurrentUser keeper;

    @BeforeEach
    void region() {
        r = plans.freshRegion();
        keeper = plans.user(r.regionUser());
    }

    @Test
    void aCommentOnAnExecutionRecord() {
        MeetingView meeting = meetings.meeting(r.regionUser(), true);
        ExecutionRecord record = meetings.execution(meeting, "1", r.school());
        events.clear();

        CommentView comment = executions.comment(keeper, record.id(), "  Приложите, пожалуйста, приказ  ");

        assertThat(events.stream(ExecutionCommented.class)).singleElement().isEqualTo(new ExecutionCommented(
                record.id(), r.region().id(), r.school().id(), comment.id(), keeper.accountId(), r.region().id(),
                keeper.fullName(), keeper.orgUnitName(), "Приложите, пожалуйста, приказ"));
    }

    @Test
    void aCampaignOpenedClosedAndPublished() {
        CampaignView campaign = vsoko().openCampaign(r.regionUser());
        assertThat(events.stream(CampaignStatusChanged.class)).singleElement().isEqualTo(new CampaignStatusChanged(
                campaign.id(), r.region().id(), campaign.name(), 2026, CampaignStatusChanged.Status.OPENED,
                LocalDate.of(2026, 12, 31)));
        events.clear();

        CampaignView closed = campaigns.changeStatus(keeper, campaign.id(), CampaignStatus.CLOSED, campaign.version());
        CampaignView published = campaigns.changeStatus(keeper, campaign.id(), CampaignStatus.PUBLISHED, closed.version());
        campaigns.changeStatus(keeper, campaign.id(), CampaignStatus.CLOSED, published.version());

        assertThat(events.stream(CampaignStatusChanged.class).map(CampaignStatusChanged::status))
                .containsExactly(CampaignStatusChanged.Status.CLOSED, CampaignStatusChanged.Status.PUBLISHED,
                        CampaignStatusChanged.Status.CLOSED);
        assertThat(events.stream(CampaignStatusChanged.class)).allSatisfy(e -> {
            assertThat(e.campaignId()).isEqualTo(campaign.id());
            assertThat(e.regionId()).isEqualTo(r.region().id());
            assertThat(e.closesOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        });
    }

    @Test
    void aSelfAssessmentReturnedWithTheCommentThenAccepted() throws Exception {
        CampaignView campaign = vsoko().openCampaign(r.regionUser());
        String base = "/vsoko/campaigns/" + campaign.id() + "/submissions/" + r.school().id();
        setSubmission(campaign.id(), r.school().id(), SubmissionStatus.SUBMITTED);
        events.clear();

        mvc.perform(post(base + "/return").with(users.page(r.regionUser())).with(csrf())
                        .param("version", submissionVersion(campaign.id(), r.school().id()))
                        .param("comment", " Ссылка на положение не открывается "))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(SelfAssessmentReviewed.class)).singleElement().isEqualTo(new SelfAssessmentReviewed(
                campaign.id(), campaign.name(), r.region().id(), r.school().id(), SubmissionStatus.RETURNED,
                "Ссылка на положение не открывается", keeper.accountId()));
        events.clear();

        setSubmission(campaign.id(), r.school().id(), SubmissionStatus.SUBMITTED);
        mvc.perform(post(base + "/accept").with(users.page(r.regionUser())).with(csrf())
                        .param("version", submissionVersion(campaign.id(), r.school().id())))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(SelfAssessmentReviewed.class)).singleElement().isEqualTo(new SelfAssessmentReviewed(
                campaign.id(), campaign.name(), r.region().id(), r.school().id(), SubmissionStatus.ACCEPTED, null,
                keeper.accountId()));
    }

    @Test
    void theSchoolsThatStillOweTheirSelfAssessmentAndTheParticipants() {
        CampaignView campaign = vsoko().openCampaign(r.regionUser());
        setSubmission(campaign.id(), r.school().id(), SubmissionStatus.SUBMITTED);
        setSubmission(campaign.id(), r.otherSchool().id(), SubmissionStatus.RETURNED);
        LocalDate closes = LocalDate.of(2026, 12, 31);

        assertThat(vsokoCampaigns.notHandedIn(r.region().id(), closes)).containsExactly(
                new PendingSelfAssessment(campaign.id(), campaign.name(), closes, r.otherSchool().id(), SubmissionStatus.RETURNED),
                new PendingSelfAssessment(campaign.id(), campaign.name(), closes, r.schoolOfOtherMunicipality().id(),
                        SubmissionStatus.NOT_STARTED));
        assertThat(vsokoCampaigns.notHandedIn(r.region().id(), closes.minusDays(1))).as("another day").isEmpty();
        assertThat(vsokoCampaigns.participantSchools(campaign.id())).containsExactlyInAnyOrder(r.school().id(),
                r.otherSchool().id(), r.schoolOfOtherMunicipality().id());

        campaigns.changeStatus(keeper, campaign.id(), CampaignStatus.CLOSED, campaigns.get(keeper, campaign.id()).version());
        assertThat(vsokoCampaigns.notHandedIn(r.region().id(), closes)).as("a closed campaign owes nothing").isEmpty();
    }

    @Test
    void aProcedureOfAnApprovedPlanMovedAndCancelledButNotOfADraft() {
        int year = PlanFixtures.freshYear();
        Plan approved = plans.plan(r.region().id(), year, true);
        Procedure vpr = plans.vpr(approved, LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 20));
        String name = "Всероссийские проверочные работы (ВПР) — Всероссийские проверочные работы в 4–8 классах";
        events.clear();

        Procedure moved = planService.changeStatus(keeper, vpr.id(), new StatusForm(ProcedureStatus.MOVED, null,
                LocalDate.of(year, 5, 11), LocalDate.of(year, 5, 25), "Перенос по письму Рособрнадзора", vpr.version()));
        assertThat(events.stream(ProcedureRescheduled.class)).singleElement().isEqualTo(new ProcedureRescheduled(
                vpr.id(), approved.id(), r.region().id(), name, ProcedureRescheduled.Change.MOVED,
                LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 20), LocalDate.of(year, 5, 11), LocalDate.of(year, 5, 25),
                "Перенос по письму Рособрнадзора"));
        events.clear();

        // the planned dates corrected on the form: still held on the dates it was moved to, so no news
        ProcedureForm form = ProcedureForm.of(moved);
        form.setPeriodStart(LocalDate.of(year, 4, 2));
        Procedure corrected = planService.updateProcedure(keeper, vpr.id(), form);
        assertThat(events.stream(ProcedureRescheduled.class)).isEmpty();

        planService.changeStatus(keeper, vpr.id(), new StatusForm(ProcedureStatus.CANCELLED, null, null, null,
                "Отменено приказом Рособрнадзора", corrected.version()));
        assertThat(events.stream(ProcedureRescheduled.class)).singleElement().isEqualTo(new ProcedureRescheduled(
                vpr.id(), approved.id(), r.region().id(), name, ProcedureRescheduled.Change.CANCELLED,
                LocalDate.of(year, 5, 11), LocalDate.of(year, 5, 25), null, null, "Отменено приказом Рособрнадзора"));
        events.clear();

        // a procedure never moved, its dates changed on the form: held on other dates
        Procedure niko = plans.procedure(approved, "NIKO", "НИКО по физической культуре", LocalDate.of(year, 10, 1),
                LocalDate.of(year, 10, 10));
        events.clear();
        ProcedureForm nikoForm = ProcedureForm.of(niko);
        nikoForm.setPeriodStart(LocalDate.of(year, 10, 5));
        nikoForm.setPeriodEnd(LocalDate.of(year, 10, 15));
        planService.updateProcedure(keeper, niko.id(), nikoForm);
        assertThat(events.stream(ProcedureRescheduled.class)).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(ProcedureRescheduled.Change.MOVED);
            assertThat(e.name()).endsWith("НИКО по физической культуре");
            assertThat(List.of(e.wasFrom(), e.wasTo(), e.nowFrom(), e.nowTo())).containsExactly(LocalDate.of(year, 10, 1),
                    LocalDate.of(year, 10, 10), LocalDate.of(year, 10, 5), LocalDate.of(year, 10, 15));
            assertThat(e.reason()).isNull();
        });
        events.clear();

        // a draft binds nobody
        Plan draft = plans.plan(r.region().id(), year + 1, false);
        Procedure drafted = plans.vpr(draft, LocalDate.of(year + 1, 4, 1), LocalDate.of(year + 1, 4, 20));
        ProcedureForm draftForm = ProcedureForm.of(drafted);
        draftForm.setPeriodStart(LocalDate.of(year + 1, 4, 10));
        planService.updateProcedure(keeper, drafted.id(), draftForm);
        assertThat(events.stream(ProcedureRescheduled.class)).isEmpty();
    }

    @Test
    void aProcedureMovedByThePlansImport() throws Exception {
        int year = PlanFixtures.freshYear();
        Plan approved = plans.plan(r.region().id(), year, true);
        Procedure vpr = plans.vpr(approved, LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 20));
        byte[] exported = mvc.perform(get("/plans/{id}.xlsx", approved.id()).with(users.page(r.regionUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] edited;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = book.getSheetAt(0).getRow(1);
            text(row, "Состояние", "Перенесено");
            text(row, "Новое начало", "11.05." + year);
            text(row, "Новое окончание", "25.05." + year);
            book.write(out);
            edited = out.toByteArray();
        }
        events.clear();

        mvc.perform(multipart("/plans/{id}/import", approved.id())
                        .file(new MockMultipartFile("file", "план.xlsx", "application/octet-stream", edited))
                        .with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(events.stream(ProcedureRescheduled.class)).singleElement().satisfies(e -> {
            assertThat(e.procedureId()).isEqualTo(vpr.id());
            assertThat(e.change()).isEqualTo(ProcedureRescheduled.Change.MOVED);
            assertThat(List.of(e.wasFrom(), e.wasTo(), e.nowFrom(), e.nowTo())).containsExactly(LocalDate.of(year, 4, 1),
                    LocalDate.of(year, 4, 20), LocalDate.of(year, 5, 11), LocalDate.of(year, 5, 25));
        });
    }

    @Test
    void schoolsPutOnAListByHandByMovingAnEntryAndByAnUpload() throws Exception {
        int year = 2031;
        SchoolListService.Row entry = lists.add(keeper, new SchoolListService.Form(r.school().id(), year,
                ListKind.LOW_RESULTS, "ВПР: математика", null));
        assertThat(events.stream(SchoolsListed.class)).singleElement().isEqualTo(
                new SchoolsListed(r.region().id(), year, ListKind.LOW_RESULTS, Set.of(r.school().id())));
        events.clear();

        lists.update(keeper, entry.id(), new SchoolListService.Form(r.school().id(), year, ListKind.LOW_RESULTS,
                "ВПР: математика, 5 класс", entry.version()));
        assertThat(events.stream(SchoolsListed.class)).as("only the basis changed").isEmpty();
        lists.update(keeper, entry.id(), new SchoolListService.Form(r.school().id(), year, ListKind.NON_OBJECTIVE,
                "ВПР: математика, 5 класс", lists.row(keeper, entry.id()).version()));
        assertThat(events.stream(SchoolsListed.class)).singleElement().isEqualTo(
                new SchoolsListed(r.region().id(), year, ListKind.NON_OBJECTIVE, Set.of(r.school().id())));
        events.clear();

        listImports.replace(keeper, year, ListKind.NON_OBJECTIVE, book(r.school().id(), r.otherSchool().id(),
                r.schoolOfOtherMunicipality().id()));
        assertThat(events.stream(SchoolsListed.class)).singleElement().isEqualTo(new SchoolsListed(r.region().id(), year,
                ListKind.NON_OBJECTIVE, Set.of(r.otherSchool().id(), r.schoolOfOtherMunicipality().id())));
        events.clear();

        listImports.replace(keeper, year, ListKind.NON_OBJECTIVE, book(r.otherSchool().id()));
        assertThat(events.stream(SchoolsListed.class)).as("schools only leaving").isEmpty();
    }

    /** A cell of the plan's workbook written afresh (a cell written by the export keeps its text otherwise). */
    private static void text(Row row, String header, String value) {
        int column = PlanWorkbook.HEADERS.indexOf(header);
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setBlank();
        cell.setCellStyle(row.getSheet().getWorkbook().createCellStyle());
        cell.setCellValue(value);
    }

    private VsokoFixtures vsoko() {
        return new VsokoFixtures(frameworks, campaigns, userDetails, new TransactionTemplate(transactions));
    }

    private void setSubmission(long campaignId, long schoolId, SubmissionStatus status) {
        jdbc.update("update vsoko_submission set status = ? where campaign_id = ? and school_id = ?", status.name(),
                campaignId, schoolId);
    }

    private String submissionVersion(long campaignId, long schoolId) {
        return String.valueOf(jdbc.queryForObject("select version from vsoko_submission where campaign_id = ? and school_id = ?",
                Long.class, campaignId, schoolId));
    }

    /** A list upload of the schools by their ids, the kind left to the upload's. */
    private static ByteArrayInputStream book(Long... schoolIds) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(SchoolListWorkbook.SHEET);
            Row header = sheet.createRow(0);
            String[] names = {"ID ОО", "ОО", "Вид списка (ШНОР / Признаки необъективности)", "Основание"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            for (int i = 0; i < schoolIds.length; i++) {
                sheet.createRow(i + 1).createCell(0).setCellValue(schoolIds[i].doubleValue());
            }
            book.write(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }
}
