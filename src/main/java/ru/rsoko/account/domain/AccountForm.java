package ru.rsoko.account.domain;

import ru.rsoko.access.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters for an account. The username is fixed once created. */
public class AccountForm {

    @Pattern(regexp = "^[A-Za-z0-9._-]{3,50}$",
            message = "Имя пользователя — от 3 до 50 латинских букв, цифр, точек, дефисов или подчёркиваний")
    private String username;

    @NotBlank(message = "Укажите ФИО")
    @Size(max = 200, message = "Не больше 200 символов в поле «ФИО»")
    private String fullName;

    @Size(max = 200, message = "Не больше 200 символов в поле «Должность»")
    private String position;

    @Email(message = "Некорректный адрес электронной почты")
    @Size(max = 200, message = "Не больше 200 символов в поле «E-mail»")
    private String email;

    @NotNull(message = "Укажите роль")
    private Role role;

    @NotNull(message = "Укажите организацию")
    private Long orgUnitId;

    /** On creation: the first password; empty means the product generates one. */
    private String password;

    private Long version;

    public static AccountForm of(Account account) {
        AccountForm form = new AccountForm();
        form.username = account.username();
        form.fullName = account.fullName();
        form.position = account.position();
        form.email = account.email();
        form.role = account.role();
        form.orgUnitId = account.orgUnitId();
        form.version = account.version();
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public void setOrgUnitId(Long orgUnitId) {
        this.orgUnitId = orgUnitId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
