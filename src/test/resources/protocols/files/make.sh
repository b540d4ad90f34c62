#!/bin/sh
# Remakes the protocol files of this folder (see README.md). Run from the repository's root on a machine with the
# DejaVu fonts and LibreOffice Writer (Debian: fonts-dejavu-core, libreoffice-writer-nogui).
set -e
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DIR=src/test/resources/protocols/files
WORK=target/protocol-files
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK.classpath"
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat "$WORK.classpath")" \
    ru.rsoko.meeting.protocol.ProtocolFileFixtures "$DIR" "$WORK"
# seed 002 as Word numbers it automatically, saved by LibreOffice as Word 97–2003 and printed to PDF
soffice --headless --convert-to 'doc:MS Word 97' --outdir "$DIR" "$WORK/seed-002.docx"
soffice --headless --convert-to pdf --outdir "$DIR" "$WORK/seed-002.docx"
# a protocol whose decisions are a Word table
soffice --headless --convert-to 'doc:MS Word 97' --outdir "$DIR" "$WORK/decisions-table.docx"
ls -l "$DIR"
