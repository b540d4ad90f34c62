package ru.rsoko.account.domain;

import ru.rsoko.access.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.demo.DemoDataSet;

import java.util.Map;

import static ru.rsoko.directory.DemoOrganisations.*;

/** The demo accounts listed in README.md, all with the password «demo». */
@Component
class AccountDemoData implements DemoDataSet {

    static final String PASSWORD = "demo";

    private final UserAccountRepository accounts;
    private final DirectoryService directory;
    private final PasswordEncoder encoder;

    AccountDemoData(UserAccountRepository accounts, DirectoryService directory, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.directory = directory;
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        Map<String, OrgUnit> units = DemoOrganisations.byName(directory, OPERATOR, TVER_COKO, TVER_MINISTRY, TOIPKRO,
                SONKOVO, KALININ, SONKOVO_SCHOOL, KALININ_SCHOOL, SEVERSK);
        String hash = encoder.encode(PASSWORD);
        account("admin", "Администратор Системы", "Администратор развёртывания", Role.ADMIN, units.get(OPERATOR), hash);
        account("tver.admin", "Белов Кирилл Андреевич", "Администратор региона", Role.ADMIN, units.get(TVER_MINISTRY), hash);
        account("tver.coko", "Григорьева Светлана Михайловна", "Начальник отдела оценки качества образования", Role.REGION, units.get(TVER_COKO), hash);
        account("tomsk.coko", "Ершова Людмила Валентиновна", "Заведующий центром мониторинга и оценки качества образования", Role.REGION, units.get(TOIPKRO), hash);
        account("sonkovo.mouo", "Фёдорова Галина Ивановна", "Специалист отдела образования", Role.MUNICIPALITY, units.get(SONKOVO), hash);
        account("kalinin.mouo", "Тарасов Николай Петрович", "Начальник управления образования", Role.MUNICIPALITY, units.get(KALININ), hash);
        account("seversk.mouo", "Захарова Ольга Алексеевна", "Специалист управления образования", Role.MUNICIPALITY, units.get(SEVERSK), hash);
        // a director's account is in the name the directory gives as the school's head
        account("sonkovo.school", units.get(SONKOVO_SCHOOL).headName(), "Директор", Role.SCHOOL, units.get(SONKOVO_SCHOOL), hash);
        account("kalinin.school", units.get(KALININ_SCHOOL).headName(), "Директор", Role.SCHOOL, units.get(KALININ_SCHOOL), hash);
    }

    private void account(String username, String fullName, String position, Role role, OrgUnit unit, String hash) {
        UserAccount account = new UserAccount(username, fullName, role, unit.id(), hash);
        account.setPosition(position);
        accounts.save(account);
    }
}
