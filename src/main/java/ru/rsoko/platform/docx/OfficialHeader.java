package ru.rsoko.platform.docx;

import java.util.List;

/**
 * The letterhead of an official document: the issuing organisation's name broken into lines as on a blank
 * («ДЕПАРТАМЕНТ», «ОБЩЕГО ОБРАЗОВАНИЯ», «ТОМСКОЙ ОБЛАСТИ»), and its contacts; any contact may be null.
 */
public record OfficialHeader(List<String> organisationLines, String address, String phone, String email) {
}
