package ru.rsoko.vsoko.selfassessment;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-assessment template of one school names the school's head, address and contacts as the directory has them,
 * so that a director types none of them; a municipality's template of several schools names none.
 */
@IntegrationTest
class ValuesWorkbookRequisitesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    DirectoryService directory;

    @Test
    void aSchoolsTemplateNamesItsHeadAndContactsFromTheDirectory() throws Exception {
        ValuesWorkbookDriver driver = new ValuesWorkbookDriver(mvc, users, jdbc);
        VsokoWorkbookFixtures fixtures = new VsokoWorkbookFixtures(frameworks, campaigns, jdbc, userDetails);
        long tver = fixtures.user("tver.coko").regionId();
        CampaignView campaign = fixtures.openCampaign("tver.coko", fixtures.smallFramework(tver));
        OrgUnit school = directory.byIds(List.of(driver.orgOf("sonkovo.school"))).values().iterator().next();
        assertThat(school.name()).isEqualTo(DemoOrganisations.SONKOVO_SCHOOL);

        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(driver.template("sonkovo.school", campaign.id()))) {
            String requisites = workbook.getSheet(ValuesWorkbook.SHEET).getRow(0).getCell(ValuesWorkbook.REQUISITES_CELL)
                    .getStringCellValue();
            assertThat(requisites).startsWith("Школа: " + school.name()).contains("руководитель: " + school.headName())
                    .contains("телефон: " + school.phone());
        }
        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(driver.template("sonkovo.mouo", campaign.id()))) {
            assertThat(workbook.getSheet(ValuesWorkbook.SHEET).getRow(0).getCell(ValuesWorkbook.REQUISITES_CELL)).isNull();
        }
    }
}
