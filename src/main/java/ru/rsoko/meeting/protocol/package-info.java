/**
 * Meeting's named part for importing a protocol written the usual way (pasted text or a .docx): the parser turns it
 * into a {@link ru.rsoko.meeting.protocol.ProtocolDraft} that a person corrects before anything is saved. Reads
 * nothing from the database; internal to the meeting module.
 */
package ru.rsoko.meeting.protocol;
