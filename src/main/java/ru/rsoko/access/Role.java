package ru.rsoko.access;

/** What a signed-in user does in the product; which organisations an account of each role may belong to is the account module's rule. */
public enum Role {
    ADMIN("Администратор"),
    REGION("Региональный специалист"),
    MUNICIPALITY("Специалист МОУО"),
    SCHOOL("Руководитель ОО");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
