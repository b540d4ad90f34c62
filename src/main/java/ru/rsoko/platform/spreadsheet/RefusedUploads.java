package ru.rsoko.platform.spreadsheet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every all-or-nothing upload page does around its import: refuse a form sent without a file, and keep the
 * errors of a refused upload in the session for the page's «Скачать ошибки .xlsx» until the next upload.
 */
public final class RefusedUploads {

    private RefusedUploads() {
    }

    /** The error of a form sent without a file or with an empty one; null when a file with content came. */
    public static List<ImportError> missingFile(MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            return null;
        }
        return List.of(ImportError.ofFile(file == null ? "Выберите файл для загрузки."
                : "Файл пустой (0 байт): выберите заполненную книгу Excel (.xlsx)."));
    }

    /** How many errors of one refused upload the session keeps; the rest are counted in a last line. */
    public static final int KEPT_ERRORS = 200;

    /**
     * Keeps a refused upload's errors under the page's key, shortened first, and answers the page that shows them with
     * 422 (the form comes back with the errors, and a client or a proxy sees that nothing was accepted). The session
     * is stored in the database and read on every request, so a workbook of long cells or thousands of wrong rows must
     * not make it large: the first {@value #KEPT_ERRORS} errors are kept, each with the cell texts it quotes cut to
     * {@value ImportError#QUOTED} characters; a last line says how many more there were.
     */
    public static void keep(HttpSession session, String key, List<ImportError> errors) {
        List<ImportError> kept = new ArrayList<>(Math.min(errors.size(), KEPT_ERRORS + 1));
        for (int i = 0; i < errors.size() && i < KEPT_ERRORS; i++) {
            kept.add(errors.get(i).shortened());
        }
        if (errors.size() > KEPT_ERRORS) {
            int more = errors.size() - KEPT_ERRORS;
            kept.add(ImportError.ofFile("И ещё " + more + " " + errorsWord(more)
                    + ": исправьте показанные и загрузите файл снова, чтобы увидеть остальные."));
        }
        session.setAttribute(key, kept);
        refused();
    }

    /** The page about to be shown re-renders a refused upload's form: its status is 422 rather than 200. */
    public static void refused() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            attributes.getResponse().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }

    private static String errorsWord(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        if (lastTwo >= 11 && lastTwo <= 14 || last == 0 || last >= 5) {
            return "ошибок";
        }
        return last == 1 ? "ошибка" : "ошибки";
    }

    /** A new upload begins: the errors of the last one no longer describe anything. */
    public static void forget(HttpSession session, String key) {
        session.removeAttribute(key);
    }

    /** Sends the kept errors as .xlsx; without any (none yet, or a later upload went through) back to the upload page. */
    public static void download(HttpServletRequest request, HttpSession session, HttpServletResponse response, String key,
                                String fileName, String uploadPage) throws IOException {
        @SuppressWarnings("unchecked")
        List<ImportError> errors = (List<ImportError>) session.getAttribute(key);
        if (errors == null || errors.isEmpty()) {
            response.sendRedirect(request.getContextPath() + uploadPage);
            return;
        }
        ImportError.table().write(XlsxDownload.start(response, fileName), errors);
    }
}
