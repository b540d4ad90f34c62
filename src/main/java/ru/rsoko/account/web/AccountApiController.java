package ru.rsoko.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.account.domain.Account;
import ru.rsoko.account.domain.AccountFilter;
import ru.rsoko.account.domain.AccountForm;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.Clock;
import java.time.Instant;

/**
 * Accounts for integrations (an HR or directory system): what an administrator does on the account pages, in
 * their scope, through the same service — so the rules, messages and history are the pages' own.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Учётные записи", description = "Ведение учётных записей администратором в пределах своей области")
class AccountApiController {

    private final UserAccountService accounts;
    private final SpringValidatorAdapter validator;
    private final Clock clock;

    AccountApiController(UserAccountService accounts, Validator validator, Clock clock) {
        this.accounts = accounts;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    record OrgRef(long id, String name) {
    }

    record AccountJson(long id, String username, String fullName, String position, String email, Role role,
                       OrgRef orgUnit, boolean enabled, boolean mustChangePassword,
                       @Schema(description = "вход заблокирован после неудачных попыток (до lockedUntil)") boolean locked,
                       Instant lockedUntil, Instant lastLoginAt, Instant createdAt, long version) {
    }

    record CreatedJson(@Schema(description = "созданная учётная запись") AccountJson account,
                       @Schema(description = "выданный временный пароль — показывается один раз; null, если пароль задан в запросе")
                       String temporaryPassword) {
    }

    @Schema(description = "Учётная запись. username задаётся при создании и не меняется; при входе с выданным паролем "
            + "пользователь задаёт свой")
    record AccountRequest(@Schema(description = "только при создании") String username, String fullName, String position,
                          String email, Role role, Long orgUnitId,
                          @Schema(description = "первый пароль (только при создании); пусто — будет выдан временный") String password,
                          @Schema(description = "версия из последнего чтения; обязательна при изменении") Long version) {
    }

    @Schema(description = "Сброс пароля: password — новый временный пароль; пусто — пароль выдаст система")
    record PasswordRequest(String password, Long version) {
    }

    record PasswordJson(@Schema(description = "выданный временный пароль; null, если пароль задан в запросе") String temporaryPassword,
                        AccountJson account) {
    }

    @GetMapping
    @Operation(summary = "Учётные записи в области администратора, постранично",
            description = "q — часть имени пользователя, ФИО или e-mail; status: enabled (по умолчанию), disabled или all.")
    PagedModel<AccountJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) Role role, @RequestParam(required = false) Long orgUnitId,
                                 @Parameter(description = "enabled, disabled или all") @RequestParam(defaultValue = "enabled") String status,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new RuleViolationException("Номер страницы — от 0, размер страницы — от 1 до 500");
        }
        Boolean enabled = switch (status) {
            case "enabled" -> true;
            case "disabled" -> false;
            case "all" -> null;
            default -> throw RuleViolationException.field("status", "status — enabled, disabled или all");
        };
        Instant now = clock.instant();
        return new PagedModel<>(accounts.find(user.scope(), new AccountFilter(q, role, orgUnitId, enabled),
                PageRequest.of(page, size)).map(a -> json(a, now)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Учётная запись")
    AccountJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return read(user, id);
    }

    @PostMapping
    @Operation(summary = "Создать учётную запись в организации своей области",
            description = "Ответ несёт выданный временный пароль (один раз), если пароль не задан в запросе.")
    ResponseEntity<CreatedJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody AccountRequest request)
            throws BindException {
        AccountForm form = form(request, null);
        form.setUsername(request.username());
        form.setPassword(request.password());
        BeanPropertyBindingResult errors = validate(form);
        if (request.username() == null || request.username().isBlank()) {
            errors.rejectValue("username", "required", "Укажите имя пользователя");
        }
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        UserAccountService.Created created = accounts.create(user.scope(), form);
        long id = created.account().id();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri())
                .body(new CreatedJson(read(user, id), created.temporaryPassword()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Изменить ФИО, должность, e-mail, роль и организацию",
            description = "Свою роль и организацию изменить нельзя. Смена роли или организации завершает сеансы пользователя. "
                    + "version обязательна; устаревшая — 409.")
    AccountJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody AccountRequest request)
            throws BindException {
        Account account = accounts.get(user.scope(), id);
        AccountForm form = form(request, required(request.version()));
        form.setUsername(account.username());
        BeanPropertyBindingResult errors = validate(form);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        accounts.update(user.scope(), id, form, user);
        return read(user, id);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Отключить учётную запись", description = "Сеансы пользователя завершаются; свою отключить нельзя (409).")
    AccountJson disable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        accounts.setEnabled(user.scope(), id, false, version, user);
        return read(user, id);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Включить учётную запись")
    AccountJson enable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        accounts.setEnabled(user.scope(), id, true, version, user);
        return read(user, id);
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Снять блокировку входа после неудачных попыток", description = "Устаревшая version — 409.")
    AccountJson unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        ConcurrentEditException.check(version, accounts.get(user.scope(), id).version());
        accounts.unlock(user.scope(), id);
        return read(user, id);
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "Сбросить пароль: выдать временный (или заданный)",
            description = "Снимает блокировку входа и завершает сеансы; при входе пользователь задаёт свой пароль. "
                    + "version обязательна; устаревшая — 409.")
    PasswordJson resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody PasswordRequest request) {
        Account account = accounts.get(user.scope(), id);
        ConcurrentEditException.check(required(request.version()), account.version());
        String given = request.password() == null || request.password().isEmpty() ? null : request.password();
        String issued = accounts.resetPassword(user.scope(), id, given);
        return new PasswordJson(given == null ? issued : null, read(user, id));
    }

    // ---- mapping

    private AccountJson read(CurrentUser user, long id) {
        return json(accounts.get(user.scope(), id), clock.instant());
    }

    private static AccountJson json(Account a, Instant now) {
        return new AccountJson(a.id(), a.username(), a.fullName(), a.position(), a.email(), a.role(),
                new OrgRef(a.orgUnitId(), a.orgUnitName()), a.enabled(), a.mustChangePassword(), a.isLockedAt(now),
                a.lockedUntil(), a.lastLoginAt(), a.createdAt(), a.version());
    }

    private static AccountForm form(AccountRequest r, Long version) {
        AccountForm form = new AccountForm();
        form.setFullName(r.fullName());
        form.setPosition(r.position());
        form.setEmail(r.email());
        form.setRole(r.role());
        form.setOrgUnitId(r.orgUnitId());
        form.setVersion(version);
        return form;
    }

    private BeanPropertyBindingResult validate(AccountForm form) {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "account");
        validator.validate(form, result);
        return result;
    }

    private static Long required(Long version) {
        if (version == null) {
            throw RuleViolationException.field("version", "Укажите version — версию записи из последнего чтения");
        }
        return version;
    }
}
