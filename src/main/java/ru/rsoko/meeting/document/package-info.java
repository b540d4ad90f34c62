/**
 * Meeting's named part for its official documents: the protocol and the letters (announcement, covering letter) as
 * .docx, built from plain models with the blocks of {@code platform.docx}. Internal to the meeting module.
 */
package ru.rsoko.meeting.document;
