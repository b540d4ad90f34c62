package ru.rsoko.vsoko.framework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.VsokoDemoData;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Copying, editing and the rules that guard a framework: a locked one stays as it is, a stale form saves nothing. */
@IntegrationTest
class FrameworkEditTest {

    static final String LOCKED = "Набор показателей уже используется в начатой кампании: его нельзя менять. "
            + "Создайте новую версию копированием.";

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;

    long id(String name) {
        return jdbc.queryForObject("select id from vsoko_framework where name = ?", Long.class, name);
    }

    long copyOf2022(String name) throws Exception {
        long source = id(VsokoDemoData.FRAMEWORK_2022);
        String location = mvc.perform(post("/vsoko/frameworks/{id}/copy", source).with(users.page("tver.coko")).with(csrf())
                        .param("name", name).param("year", "2024"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    Map<String, Object> indicator(long frameworkId, String code) {
        return jdbc.queryForMap("select * from vsoko_indicator where framework_id = ? and code = ?", frameworkId, code);
    }

    @Test
    void aCopyIsANewIndependentVersion() throws Exception {
        String name = "Показатели ВСОКО, 2024 " + System.nanoTime();
        long source = id(VsokoDemoData.FRAMEWORK_2022);
        long copy = copyOf2022(name);
        assertThat(copy).isNotEqualTo(source);
        assertThat(jdbc.queryForObject("select based_on_id from vsoko_framework where id = ?", Long.class, copy)).isEqualTo(source);
        assertThat(jdbc.queryForObject("select count(*) from vsoko_indicator where framework_id = ?", Integer.class, copy))
                .isEqualTo(189);
        assertThat(jdbc.queryForObject("select count(*) from vsoko_indicator_option o join vsoko_indicator i on i.id = o.indicator_id where i.framework_id = ?", Integer.class, copy))
                .isEqualTo(jdbc.queryForObject("select count(*) from vsoko_indicator_option o join vsoko_indicator i on i.id = o.indicator_id where i.framework_id = ?", Integer.class, source));

        Map<String, Object> before = indicator(copy, "1.07");
        mvc.perform(post("/vsoko/frameworks/{id}/indicators/{i}", copy, before.get("id")).with(users.page("tver.coko")).with(csrf())
                        .param("code", "1.07").param("wording", "Единые критерии оценивания утверждены").param("valueType", "CHOICE")
                        .param("points", "").param("options", "да = 3\nчастично = 1\nнет = 0").param("evidenceRequired", "true")
                        .param("version", before.get("version").toString()))
                .andExpect(status().is3xxRedirection());

        Map<String, Object> changed = indicator(copy, "1.07");
        assertThat(changed.get("wording")).isEqualTo("Единые критерии оценивания утверждены");
        assertThat((java.math.BigDecimal) changed.get("points")).isEqualByComparingTo("3");
        assertThat(changed.get("evidence_required")).isEqualTo(true);
        assertThat(indicator(source, "1.07").get("wording")).isEqualTo("Критерии оценивания единые для всех учителей одного предмета");
        assertThat(jdbc.queryForList("select label from vsoko_indicator_option where indicator_id = ? order by position",
                String.class, changed.get("id"))).containsExactly("да", "частично", "нет");

        // the card shows the copy, editable
        mvc.perform(get("/vsoko/frameworks/{id}", copy).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("Формулировки показателей придуманы для демонстрации")))
                .andExpect(content().string(containsString("Добавить показатель")));
    }

    @Test
    void aLockedFrameworkIsNotChangedAndTheUserIsToldWhy() throws Exception {
        long locked = id(VsokoDemoData.FRAMEWORK_2022);
        Map<String, Object> framework = jdbc.queryForMap("select * from vsoko_framework where id = ?", locked);
        mvc.perform(post("/vsoko/frameworks/{id}", locked).with(users.page("tver.coko")).with(csrf())
                        .param("name", "Другое имя").param("year", "2022").param("formedFrom", "80").param("partialFrom", "50")
                        .param("version", framework.get("version").toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(LOCKED)));
        Map<String, Object> indicator = indicator(locked, "1.01");
        mvc.perform(post("/vsoko/frameworks/{id}/indicators/{i}", locked, indicator.get("id")).with(users.page("tver.coko")).with(csrf())
                        .param("code", "1.01").param("wording", "Иначе").param("valueType", "YES_NO").param("points", "1")
                        .param("version", indicator.get("version").toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(LOCKED)));
        mvc.perform(get("/vsoko/frameworks/{id}/edit", locked).with(users.page("tver.coko")))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForMap("select * from vsoko_framework where id = ?", locked)).isEqualTo(framework);
        assertThat(indicator(locked, "1.01")).isEqualTo(indicator);
    }

    @Test
    void aStaleIndicatorFormSavesNothingAndSaysSo() throws Exception {
        long copy = copyOf2022("Конфликт " + System.nanoTime());
        Map<String, Object> opened = indicator(copy, "2.01");
        String version = opened.get("version").toString();
        mvc.perform(post("/vsoko/frameworks/{id}/indicators/{i}", copy, opened.get("id")).with(users.page("tver.coko")).with(csrf())
                        .param("code", "2.01").param("wording", "Первая правка").param("valueType", "YES_NO").param("points", "1")
                        .param("version", version))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/vsoko/frameworks/{id}/indicators/{i}", copy, opened.get("id")).with(users.page("tver.coko")).with(csrf())
                        .param("code", "2.01").param("wording", "Вторая правка по старой форме").param("valueType", "YES_NO")
                        .param("points", "1").param("version", version))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ConcurrentEditException.MESSAGE)));
        assertThat(indicator(copy, "2.01").get("wording")).isEqualTo("Первая правка");
    }

    @Test
    void rulesOfAnIndicatorAndOfThresholdsAreShownOnTheForm() throws Exception {
        long copy = copyOf2022("Правила " + System.nanoTime());
        Map<String, Object> opened = indicator(copy, "3.01");
        mvc.perform(post("/vsoko/frameworks/{id}/indicators/{i}", copy, opened.get("id")).with(users.page("tver.coko")).with(csrf())
                        .param("code", "3.02").param("wording", "Дубль").param("valueType", "YES_NO").param("points", "1")
                        .param("version", opened.get("version").toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Код «3.02» уже есть в наборе")));
        mvc.perform(post("/vsoko/frameworks/{id}/indicators/{i}", copy, opened.get("id")).with(users.page("tver.coko")).with(csrf())
                        .param("code", "3.01").param("wording", "Отрицательные").param("valueType", "YES_NO").param("points", "-1")
                        .param("version", opened.get("version").toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Баллы не могут быть отрицательными")));
        Long version = jdbc.queryForObject("select version from vsoko_framework where id = ?", Long.class, copy);
        mvc.perform(post("/vsoko/frameworks/{id}", copy).with(users.page("tver.coko")).with(csrf())
                        .param("name", "Правила").param("year", "2024").param("formedFrom", "50").param("partialFrom", "60")
                        .param("version", version.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Порог «частично сформирована» должен быть меньше порога «сформирована»")));
        assertThat(indicator(copy, "3.01")).isEqualTo(opened);
    }

    @Test
    void onlyRegionalStaffChangeFrameworksAndOthersOfTheRegionRead() throws Exception {
        long id = id(VsokoDemoData.FRAMEWORK_2022);
        mvc.perform(post("/vsoko/frameworks/{id}/copy", id).with(users.page("sonkovo.mouo")).with(csrf())
                        .param("name", "Копия").param("year", "2024"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/vsoko/frameworks/new").with(users.page("sonkovo.school"))).andExpect(status().isForbidden());
        mvc.perform(get("/vsoko/frameworks/{id}", id).with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Формулировки показателей придуманы для демонстрации")));
        mvc.perform(get("/vsoko/frameworks/{id}", id).with(users.page("tomsk.coko"))).andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/frameworks").with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(VsokoDemoData.FRAMEWORK_2022)))
                .andExpect(content().string(containsString("используется")));
        mvc.perform(get("/vsoko/frameworks.xlsx").with(users.page("kalinin.mouo"))).andExpect(status().isOk());
    }

    @Test
    void aKeeperBuildsANewFrameworkWithADirectionAndAnIndicatorAndDeletesThem() throws Exception {
        String name = "Новый набор " + System.nanoTime();
        mvc.perform(get("/vsoko/frameworks/new").with(users.page("tver.coko"))).andExpect(status().isOk());
        String location = mvc.perform(post("/vsoko/frameworks").with(users.page("tver.coko")).with(csrf())
                        .param("name", name).param("year", "2024").param("formedFrom", "80").param("partialFrom", "55,5"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = id(name);
        assertThat(location).isEqualTo("/vsoko/frameworks/" + id);
        assertThat(jdbc.queryForObject("select partial_from from vsoko_framework where id = ?", java.math.BigDecimal.class, id))
                .isEqualByComparingTo("55.5");

        mvc.perform(get("/vsoko/frameworks/{id}/edit", id).with(users.page("tver.coko"))).andExpect(status().isOk());
        mvc.perform(get("/vsoko/frameworks/{id}/copy", id).with(users.page("tver.coko"))).andExpect(status().isOk());
        mvc.perform(get("/vsoko/frameworks/{id}/directions/new", id).with(users.page("tver.coko"))).andExpect(status().isOk());
        mvc.perform(post("/vsoko/frameworks/{id}/directions", id).with(users.page("tver.coko")).with(csrf())
                        .param("code", "1").param("name", "Система оценки качества подготовки обучающихся"))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> direction = jdbc.queryForMap("select * from vsoko_direction where framework_id = ?", id);
        long directionId = ((Number) direction.get("id")).longValue();
        mvc.perform(get("/vsoko/frameworks/{id}/directions/{d}/edit", id, directionId).with(users.page("tver.coko")))
                .andExpect(status().isOk());
        mvc.perform(get("/vsoko/frameworks/{id}/directions/{d}/indicators/new", id, directionId).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1.01")));
        mvc.perform(post("/vsoko/frameworks/{id}/directions/{d}/indicators", id, directionId).with(users.page("tver.coko")).with(csrf())
                        .param("code", "1.01").param("wording", "Доля обучающихся, принявших участие в ВПР")
                        .param("valueType", "NUMBER").param("points", "2").param("target", "10"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/vsoko/frameworks/{id}/directions/{d}/indicators", id, directionId).with(users.page("tver.coko")).with(csrf())
                        .param("code", "1.02").param("wording", "Варианты").param("valueType", "CHOICE")
                        .param("options", "да = 2\nчастично"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Вариант «частично» записан неверно")));
        Map<String, Object> indicator = indicator(id, "1.01");
        assertThat((java.math.BigDecimal) indicator.get("target")).isEqualByComparingTo("10");
        mvc.perform(get("/vsoko/frameworks/{id}/indicators/{i}/edit", id, indicator.get("id")).with(users.page("tver.coko")))
                .andExpect(status().isOk());
        mvc.perform(get("/vsoko/frameworks/{id}", id).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("цель: 10")));

        mvc.perform(post("/vsoko/frameworks/{id}/indicators/{i}/delete", id, indicator.get("id")).with(users.page("tver.coko")).with(csrf())
                        .param("version", indicator.get("version").toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from vsoko_indicator where framework_id = ?", Integer.class, id)).isZero();
        Long directionVersion = jdbc.queryForObject("select version from vsoko_direction where id = ?", Long.class, directionId);
        mvc.perform(post("/vsoko/frameworks/{id}/directions/{d}/delete", id, directionId).with(users.page("tver.coko")).with(csrf())
                        .param("version", directionVersion.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from vsoko_direction where framework_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from vsoko_framework_aud where id = ?", Integer.class, id)).isPositive();
    }
}
