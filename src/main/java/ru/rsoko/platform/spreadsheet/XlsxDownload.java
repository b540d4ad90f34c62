package ru.rsoko.platform.spreadsheet;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Starts an .xlsx download on the response; the workbook is then streamed straight to the browser. */
public final class XlsxDownload {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxDownload() {
    }

    public static OutputStream start(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName.endsWith(".xlsx") ? fileName : fileName + ".xlsx", StandardCharsets.UTF_8)
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.getOutputStream();
    }
}
