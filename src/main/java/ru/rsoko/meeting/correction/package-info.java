/**
 * Meeting's named part for learning from corrections: when a person confirms an imported protocol's draft with facts
 * other than the parser read, the text, the facts as parsed and as confirmed (in the protocol corpus's format) and what
 * differs are kept ({@code protocol_correction}, V21) in the transaction that creates the meeting. Administrators see
 * their region's on {@code /admin/protocol-corrections} and download them as test cases of the corpus; internal to the
 * meeting module.
 */
package ru.rsoko.meeting.correction;
