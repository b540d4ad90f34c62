package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters for an organisation, on the page form and in the API alike. */
public class OrgUnitForm {

    /** Required on creation (checked by the service); fixed afterwards. */
    private OrgUnitType type;

    @NotBlank(message = "Укажите наименование")
    @Size(max = 300, message = "Не больше 300 символов в поле «Наименование»")
    private String name;

    @Size(max = 150, message = "Не больше 150 символов в поле «Краткое наименование»")
    private String shortName;

    private Long parentId;

    private String timeZone;

    @Pattern(regexp = "^$|^\\d{10}$|^\\d{12}$", message = "ИНН — 10 цифр (для организации) или 12 цифр")
    private String inn;

    @Size(max = 500, message = "Не больше 500 символов в поле «Адрес»")
    private String address;

    @Size(max = 100, message = "Не больше 100 символов в поле «Телефон»")
    private String phone;

    @Email(message = "Некорректный адрес электронной почты")
    @Size(max = 200, message = "Не больше 200 символов в поле «E-mail»")
    private String email;

    @Size(max = 200, message = "Не больше 200 символов в поле «ФИО руководителя»")
    private String headName;

    private Boolean active;

    /** The version the user edited; required on update so that nobody overwrites a newer change unseen. */
    private Long version;

    public static OrgUnitForm of(OrgUnit unit) {
        OrgUnitForm form = new OrgUnitForm();
        form.type = unit.type();
        form.name = unit.name();
        form.shortName = unit.shortName();
        form.parentId = unit.parentId();
        form.timeZone = unit.timeZone();
        form.inn = unit.inn();
        form.address = unit.address();
        form.phone = unit.phone();
        form.email = unit.email();
        form.headName = unit.headName();
        form.active = unit.active();
        form.version = unit.version();
        return form;
    }

    public OrgUnitType getType() {
        return type;
    }

    public void setType(OrgUnitType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getShortName() {
        return shortName;
    }

    public void setShortName(String shortName) {
        this.shortName = shortName;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getInn() {
        return inn;
    }

    public void setInn(String inn) {
        this.inn = inn;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getHeadName() {
        return headName;
    }

    public void setHeadName(String headName) {
        this.headName = headName;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
