package ru.rsoko.meeting.domain;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The meetings of the seeds: the Tomsk seminar of 16.04.2021 (seed 002) with its ten decisions, signed and sent;
 * the Tomsk meeting of 27.10.2020 (seed 004) with its agenda and the municipalities asked to report; the Tver
 * seminar of 25.02.2021 (seed 000); and a meeting of Сонковский with its schools' directors.
 */
@Component
public class MeetingDemoData implements DemoDataSet {

    public static final String TOMSK_SEMINAR = "Управление качеством образования в Томской области: от региона к школе";
    public static final String TOMSK_MEETING = "Совещание по вопросам управления оценкой качества образования";
    public static final String TVER_SEMINAR = "Итоги оценки качества образования в Тверской области в 2020 году и задачи региональной системы оценки качества образования на 2021 год";
    public static final String SONKOVO_MEETING = "О подготовке к всероссийским проверочным работам 2021 года";

    private final MeetingManagement meetings;
    private final UserDetailsService users;

    MeetingDemoData(MeetingManagement meetings, UserDetailsService users) {
        this.meetings = meetings;
        this.users = users;
    }

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        as("tomsk.coko", this::tomskSeminar);
        as("tomsk.coko", this::tomskMeeting);
        as("tver.coko", this::tverSeminar);
        as("sonkovo.mouo", this::sonkovoMeeting);
    }

    private void tomskSeminar(CurrentUser user) {
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.SEMINAR_MEETING);
        form.setTitle(TOMSK_SEMINAR);
        form.setDate(LocalDate.of(2021, 4, 16));
        form.setStartTime(LocalTime.of(11, 0));
        form.setPlace("г.Томск, ул. Пирогова, 10");
        form.setVideoLink("https://coko.tomsk.ru/index.php/news/view/12074");
        form.setChair("Вторина Елена Вениаминовна - заместитель начальника Департамента общего образования Томской области");
        form.setParticipants(String.join("\n",
                "руководители органов местного самоуправления, осуществляющих управление в сфере образования (далее – руководители МОУО) (дистанционно)",
                "заместители руководителей органов местного самоуправления, осуществляющих управление в сфере образования (дистанционно)",
                "специалисты органов местного самоуправления, осуществляющих управление в сфере образования по вопросам качества образования (дистанционно)",
                "руководители муниципальных методических служб (дистанционно)",
                "руководители общеобразовательных организаций (далее – руководители ОО) (дистанционно)",
                "заместители руководителей общеобразовательных организаций (дистанционно)"));
        form.setSignatoryName("Е.В. Вторина");
        form.setAnnouncementNumber("57-2097");
        form.setAnnouncementDate(LocalDate.of(2021, 4, 8));
        form.setCoverNumber("57-2751");
        form.setCoverDate(LocalDate.of(2021, 5, 6));
        form.setCoverSignatoryPosition("Начальник департамента");
        form.setCoverSignatoryName("И.Б.Грабцевич");
        form.setExecutor("Сысолятина Н.А., (382 2) 51 37 49, sysolyatinana@edu.tomsk.gov.ru");
        List<AgendaItemForm> agenda = List.of(
                item("1", "Вступительное слово. Управление результатами мониторинговых исследований в Томской области.",
                        "Вторина Елена Вениаминовна, заместитель начальника Департамента общего образования Томской области (далее – ДОО ТО)"),
                item("2", "Результаты всероссийских проверочных работ как основа формирования методической помощи педагогам на уровне образовательной организации.",
                        "Пивоваров Вячеслав Олегович, программист центра мониторинга и оценки качества образования ТОИПКРО"),
                item("3", "Исследование читательской и естественнонаучной грамотности. Результаты 2020 года и перспективы на 2021 год.",
                        "Сербина Наталья Павловна, заведующий центром мониторинга и оценки качества образования ТОИПКРО"),
                item("4", "Региональная диагностика предметных и методических затруднений учителей Томской области. Мероприятия, направленные на компенсацию выявленных дефицитов.",
                        "Сербина Наталья Павловна, заведующий центром мониторинга и оценки качества образования ТОИПКРО"),
                item("5", "Критерии оценки механизмов управления качеством образования органов местного самоуправления муниципальных районов и городских округов.",
                        "Неверова Вера Васильевна, председатель комитета мониторинга и управления качеством образования ДОО ТО"));
        List<DecisionForm> decisions = List.of(
                decision("1", "Активизировать работу по использованию электронного банка тренировочных заданий по оценке функциональной грамотности (https://fg.reshe.edu.ru/).",
                        "руководители ОО", "до 31 мая 2021 года"),
                decision("2", "Провести анализ имеющихся в муниципальном образовании ресурсов для повышения уровня естественнонаучной грамотности обучающихся и принять меры по распространению и использованию имеющихся ресурсов муниципальными общеобразовательными организациями.",
                        "руководители МОУО, руководители ОО", "до 10 июня 2021 года, далее - постоянно"),
                decision("3", "Расширить тематику курсов внеурочной деятельности и дополнительных общеобразовательных программ с уклоном на естественнонаучную грамотность в 2021-2022 учебном году.",
                        "руководители ОО", "до 15 августа 2021 года"),
                decision("4", "Предусмотреть в рабочих программах увеличение практических и лабораторных работ по предметам естественнонаучного цикла с использованием материально-технической базы общеобразовательной организации и площадок других организаций в рамках сетевого взаимодействия.",
                        "руководители ОО", "до 15 августа 2021 года"),
                decision("5", "Обеспечить обязательное использование ресурсов Центров образования естественнонаучной и технологической направленностей «Точка роста» муниципальными общеобразовательными организациями в полном объёме.",
                        "руководители МОУО, руководители ОО", "до 15 сентября 2021 года"),
                decision("6", "Руководствоваться планом мероприятий по реализации Концепции развития физико-математического и естественнонаучного образования в Томской области на 2019-2025 годы, утверждённым распоряжением ДОО ТО от 06.05.2019 № 392-р, в целях повышения качества, популяризации и повышения мотивации обучающихся по изучению предметов естественнонаучного направления.",
                        "руководители МОУО, руководители ОО", "в соответствии со сроками плана мероприятий Концепции до 2025 года"),
                decision("7", "Обеспечивать объективность проведения и результатов процедур оценки качества образования.",
                        "руководители МОУО, руководители ОО", "постоянно"),
                decision("8", "Обеспечивать корректировку образовательных программ и учебных планов с учетом результатов проведенных процедур оценки качества образования.",
                        "руководители ОО", "постоянно по итогам процедур оценки качества образования"),
                decision("9", "Организовать систему работы по формированию у педагогов единых подходов к оцениванию при проверке работ учащихся процедур оценки качества образования через курсы повышения квалификации, обучающие семинары и др.",
                        "ТОИПКРО; руководители МОУО, руководители ОО", "постоянно"),
                decision("10", "Организовать работу по выстраиванию полного управленческого цикла для осуществления эффективного управления.",
                        "руководители МОУО, руководители ОО", "постоянно"));
        MeetingView meeting = meetings.createWithContent(user, form, agenda, decisions);
        MeetingView signed = meetings.signAsOf(user, meeting.id(), null, LocalDate.of(2021, 4, 30));
        meetings.send(user, signed.id(), signed.version());
    }

    private void tomskMeeting(CurrentUser user) {
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(TOMSK_MEETING);
        form.setDate(LocalDate.of(2020, 10, 27));
        form.setStartTime(LocalTime.of(10, 0));
        form.setParticipants("руководители органов местного самоуправления, осуществляющих управление в сфере образования");
        form.setAnnouncementNumber("57-5129");
        form.setAnnouncementDate(LocalDate.of(2020, 10, 26));
        form.setAnnouncementAddressees("Руководителям органов местного самоуправления, осуществляющих управление в сфере образования");
        form.setAnnouncementBody("В дополнение к письму Департамента общего образования Томской области от 22.10.2020 № 57-5076 "
                + "направляем повестку совещания с руководителями органов местного самоуправления, осуществляющих управление в сфере "
                + "образования, по вопросам управления оценкой качества образования (приложение к настоящему письму).");
        form.setReportRequest(String.join("\n",
                "Для участия в совещании необходимо подготовить информацию на 3-5 минут по вопросам:",
                "об участии муниципальных общеобразовательных организаций во всероссийских проверочных работах в 2020 году (далее – ВПР) "
                        + "(о проведении и проверке работ учащихся, о причинах неучастия в ВПР, обеспечение объективности процедуры ВПР, "
                        + "особенно в школах с низкими образовательными результатами обучающихся и школами, вошедшими в списки с признаками "
                        + "необъективности, об использовании результатов ВПР);",
                "о работе со школами с низкими образовательными результатами обучающихся."));
        form.setAnnouncementSignatoryPosition("Заместитель начальника департамента");
        form.setAnnouncementSignatoryName("Е.В.Вторина");
        form.setExecutor("Наталья Алексеевна Сысолятина, (382 2) 51 37 49, sysolyatinana@edu.tomsk.gov.ru");
        List<AgendaItemForm> agenda = List.of(
                item("1", "Муниципальные механизмы управления качеством образования.",
                        "Илюхин Б.В., директор научно-исследовательского центра систем оценки и управления качеством образования ФИРО РАНХИГС"),
                item("2", "Об участии Томской области во Всероссийских проверочных работах в 2020 году.",
                        "Сысолятина Н.А., главный специалист комитета общего образования Департамента общего образования Томской области"),
                item("3", "О работе муниципальных органов управления образования (далее - МОУО) со школами, вошедшими в списки с признаками необъективных результатов в 2018 и 2019 году.",
                        "руководители МОУО: ЗАТО Северск, ГО Стрежевой, г.Томска, Томского района (выступление до 3 минут)"),
                item("4", "О результатах проведения диагностических работ в 10 классах в 2020 году.",
                        "Сербина Н.П., заведующая центром мониторинга и оценки качества образования ТОИПКРО"),
                item("5", "О реализации мероприятий по работе со школами с низкими образовательными результатами в Томской области.",
                        "Панова Е.В., проректор по учебно-методической и организационной работе ТОИПКРО",
                        "руководители МОУО: Асиновского района, Каргасокского района"));
        MeetingView meeting = meetings.createWithContent(user, form, agenda, List.of());
        meetings.markHeld(user, meeting.id(), meeting.version());
    }

    private void tverSeminar(CurrentUser user) {
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.SEMINAR_MEETING);
        form.setTitle(TVER_SEMINAR);
        form.setDate(LocalDate.of(2021, 2, 25));
        form.setStartTime(LocalTime.of(10, 0));
        form.setVideoLink("https://example.tver.ru/vks");
        form.setChair("Смирнова Ольга Николаевна - директор ГБУ ТО ЦОКО");
        form.setParticipants(String.join("\n",
                "специалисты муниципальных органов управления образованием (далее – МОУО)",
                "координаторы проведения оценочных процедур",
                "специалисты муниципальных методических служб",
                "руководители образовательных организаций (далее – ОО)"));
        form.setMunicipalitiesConnected(42);
        List<AgendaItemForm> agenda = List.of(
                item("1", "Выполнение плана – графика проведения мониторинга качества образования в ОО Тверской области в 2020 году.",
                        "Смирнова Ольга Николаевна, директор ГБУ ТО ЦОКО"),
                item("2", "Результаты анализа региональных управленческих механизмов (по материалам ФГБУ ФИОКО).",
                        "Смирнова Ольга Николаевна, директор ГБУ ТО ЦОКО"),
                item("3", "Положение о региональной системе оценки качества образования в Тверской области на 2021 год.",
                        "Смирнова Ольга Николаевна, директор ГБУ ТО ЦОКО"),
                item("4", "Развитие муниципальных механизмов управления качеством образования.",
                        "Смирнова Ольга Николаевна, директор ГБУ ТО ЦОКО"),
                item("5", "Эффективность развития внутренних систем оценки качества образования.",
                        "Григорьева Светлана Михайловна, заместитель директора ГБУ ТО ЦОКО"),
                item("6", "О проведении Всероссийских проверочных работ в 2021 году.",
                        "Григорьева Светлана Михайловна, заместитель директора ГБУ ТО ЦОКО"),
                item("7", "Первые итоги регионального мониторинга эффективности работы школ с низкими образовательными результатами.",
                        "Начальник отдела оценки качества образования ГБУ ТО ЦОКО"));
        List<DecisionForm> decisions = List.of(
                decision("1", "Обеспечить 100% охват участием в ВПР обучающихся 4 - 8 классов.",
                        "руководители МОУО, руководители ОО", "до 31 мая 2021 года"),
                decision("2", "Организовать работу по привлечению общественных наблюдателей при проведении всех внешних оценочных процедур в каждой ОО.",
                        "руководители МОУО", "постоянно"),
                decision("3", "Продолжить работу по формированию внутренних систем оценки качества образования в каждой образовательной организации.",
                        "руководители ОО", "в течение 2021-2022 учебного года"));
        MeetingView meeting = meetings.createWithContent(user, form, agenda, decisions);
        meetings.signAsOf(user, meeting.id(), null, LocalDate.of(2021, 3, 1));
    }

    private void sonkovoMeeting(CurrentUser user) {
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(SONKOVO_MEETING);
        form.setDate(LocalDate.of(2021, 3, 10));
        form.setStartTime(LocalTime.of(14, 0));
        form.setPlace("пгт Сонково, отдел образования");
        form.setChair("Фёдорова Галина Ивановна - специалист отдела образования");
        form.setParticipants("руководители общеобразовательных организаций Сонковского муниципального округа");
        List<AgendaItemForm> agenda = List.of(
                item("1", "Об организации и проведении ВПР в 2021 году.", "Фёдорова Галина Ивановна, специалист отдела образования"),
                item("2", "Об обеспечении объективности результатов ВПР.", "Фёдорова Галина Ивановна, специалист отдела образования"));
        List<DecisionForm> decisions = List.of(
                decision("1", "Утвердить школьные графики проведения ВПР и разместить их на официальных сайтах.",
                        "руководители ОО", "до 15 марта 2021 года"),
                decision("2", "Обеспечить присутствие общественных наблюдателей при проведении ВПР.",
                        "руководители ОО", "до 21 мая 2021 года"));
        MeetingView meeting = meetings.createWithContent(user, form, agenda, decisions);
        meetings.signAsOf(user, meeting.id(), null, LocalDate.of(2021, 3, 11));
    }

    static AgendaItemForm item(String number, String title, String... speakers) {
        return AgendaItemForm.of(number, title, List.of(speakers), null);
    }

    static DecisionForm decision(String number, String text, String responsible, String deadline) {
        DecisionForm form = new DecisionForm();
        form.setNumber(number);
        form.setText(text);
        form.setResponsibleText(responsible);
        form.setDeadlineText(deadline);
        return form;
    }

    /** Runs as the demo user, so that the history names who entered the meeting. */
    void as(String username, java.util.function.Consumer<CurrentUser> work) {
        CurrentUser user = (CurrentUser) users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            work.accept(user);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
