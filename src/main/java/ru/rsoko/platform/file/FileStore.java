package ru.rsoko.platform.file;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Files in PostgreSQL, in chunks of 1 MB: an upload is written chunk by chunk as it arrives and a download read
 * the same way, so a 20 MB file never sits in memory whole and every application instance serves every file.
 */
@Service
public class FileStore {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final int CHUNK = 1024 * 1024;
    /** Types a browser may show inline; anything else is downloaded as bytes, so an upload cannot run as a page. */
    private static final Set<String> SAFE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/zip");

    private static final String TOO_LARGE = "Файл больше 20 МБ: уменьшите его или дайте ссылку на него.";

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final Clock clock;

    FileStore(JdbcTemplate jdbc, EntityManager entityManager, Clock clock) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Whether the person chose a file: a form without one sends an empty part with no name, while a chosen file
     * that happens to be empty has its name and is refused by {@link #store}.
     */
    public static boolean isChosen(MultipartFile upload) {
        return upload != null && (!upload.isEmpty()
                || (upload.getOriginalFilename() != null && !upload.getOriginalFilename().isBlank()));
    }

    /**
     * Stores an uploaded attachment of at most 20 MB that {@link AttachmentPolicy} accepts; anything else is refused
     * with a {@link RefusedFileException} (422 and a Russian message) before a row is written.
     */
    @Transactional
    public StoredFile store(MultipartFile upload) {
        if (upload == null) {
            throw new RefusedFileException("Файл не получен: выберите файл.");
        }
        if (upload.getSize() > MAX_BYTES) {
            throw new RefusedFileException(TOO_LARGE);
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("rsoko-attachment-", ".bin");
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(copy);
            if (size > MAX_BYTES) {
                throw new RefusedFileException(TOO_LARGE);
            }
            String type = AttachmentPolicy.check(copy, size, upload.getOriginalFilename());
            try (InputStream in = Files.newInputStream(copy)) {
                return store(in, upload.getOriginalFilename(), type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up anyway
                }
            }
        }
    }

    @Transactional
    public StoredFile store(InputStream in, String originalName, String contentType) throws IOException {
        String name = safeName(originalName);
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream"
                : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        String user = SecurityContextHolder.getContext().getAuthentication() == null ? "system"
                : SecurityContextHolder.getContext().getAuthentication().getName();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        PreparedStatementCreator insert = connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "insert into stored_file (name, content_type, size_bytes, sha256, created_at, created_by) values (?, ?, 0, '', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, name);
            statement.setString(2, type.length() > 200 ? "application/octet-stream" : type);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.setString(4, user);
            return statement;
        };
        jdbc.update(insert, key);
        long id = ((Number) key.getKeys().get("id")).longValue();

        MessageDigest digest = sha256();
        long size = 0;
        int seq = 0;
        byte[] buffer = new byte[CHUNK];
        int read;
        while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
            size += read;
            if (size > MAX_BYTES) {
                throw RuleViolationException.field("file", "Файл больше 20 МБ: уменьшите его или дайте ссылку на него");
            }
            digest.update(buffer, 0, read);
            byte[] chunk = read == CHUNK ? buffer.clone() : Arrays.copyOf(buffer, read);
            jdbc.update("insert into stored_file_chunk (file_id, seq, data) values (?, ?, ?)", id, seq++, chunk);
        }
        if (size == 0) {
            throw RuleViolationException.field("file", "Файл пустой: выберите файл с содержимым");
        }
        jdbc.update("update stored_file set size_bytes = ?, sha256 = ? where id = ?", size,
                HexFormat.of().formatHex(digest.digest()), id);
        return entityManager.find(StoredFile.class, id);
    }

    /** Sends the file as a download; the caller has checked that the user may see what the file belongs to. */
    @Transactional(readOnly = true)
    public void download(long fileId, HttpServletResponse response) throws IOException {
        StoredFile file = entityManager.find(StoredFile.class, fileId);
        if (file == null) {
            throw new NotFoundException("Файл не найден: " + fileId);
        }
        response.setContentType(SAFE_TYPES.contains(file.getContentType()) ? file.getContentType() : "application/octet-stream");
        response.setContentLengthLong(file.getSize());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.getName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        // never guessed into HTML by a browser, never shown as a page of ours
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        OutputStream out = response.getOutputStream();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select data from stored_file_chunk where file_id = ? order by seq");
            statement.setFetchSize(1);
            statement.setLong(1, fileId);
            return statement;
        }, rs -> {
            try {
                out.write(rs.getBytes(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (name.isEmpty()) {
            name = "файл";
        }
        return name.length() > 200 ? name.substring(0, 160) + "…" + name.substring(name.length() - 30) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
