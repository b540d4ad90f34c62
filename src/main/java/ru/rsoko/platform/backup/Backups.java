package ru.rsoko.platform.backup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The administrator's backups of the database: dumps ({@link DatabaseDump}) written as folders under
 * {@code rsoko.backup.dir}, each named by the moment it was taken (UTC). A dump is written under a hidden name and
 * renamed when complete, so the list never shows half a dump.
 */
@Service
public class Backups {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'rsoko-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** A dump in the folder: its name and what its manifest says (null when it cannot be read). */
    public record Backup(String name, Manifest manifest) {

        public long rows() {
            return manifest == null ? 0 : manifest.rows();
        }

        public int tables() {
            return manifest == null ? 0 : manifest.tables().size();
        }

        public java.time.Instant createdAt() {
            return manifest == null ? null : java.time.Instant.parse(manifest.createdAt());
        }

        public String flywayVersion() {
            return manifest == null ? null : manifest.flywayVersion();
        }
    }

    private final DataSource dataSource;
    private final Path dir;
    private final Clock clock;

    Backups(DataSource dataSource, @Value("${rsoko.backup.dir:./data/backups}") Path dir, Clock clock) {
        this.dataSource = dataSource;
        this.dir = dir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** Takes a consistent dump of the whole database now; answers it with its folder's name. */
    public synchronized Backup create() {
        String name = NAME.format(clock.instant());
        Path target = dir.resolve(name);
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(name + "-" + i);
        }
        Path partial = dir.resolve("." + target.getFileName() + ".partial");
        try {
            Manifest manifest = DatabaseDump.dump(dataSource, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Backup(target.getFileName().toString(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Копия не перенесена в " + target, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** The dumps in the folder, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isRegularFile(f.resolve(DatabaseDump.MANIFEST))).toList()) {
                Manifest manifest;
                try {
                    manifest = DatabaseDump.manifest(folder);
                } catch (RuntimeException unreadable) {
                    manifest = null;
                }
                backups.add(new Backup(folder.getFileName().toString(), manifest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Папка копий " + dir + " не прочитана", e);
        }
        backups.sort(Comparator.comparing(Backup::name).reversed());
        return backups;
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover hidden folder is not listed
        }
    }
}
