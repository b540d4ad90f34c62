package ru.rsoko.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A JSON body over {@value #MAX_BYTES} bytes is refused with 413 before it is parsed: every write of the API fits far
 * below (the longest texts are {@link TextLimits#TEXT} characters; a batch is at most a few thousand short items), and
 * a 10 MB body would otherwise be read into memory whole. The declared length is judged at once; a body sent in
 * chunks is counted as it is read. {@link ErrorHandling} answers in Russian.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

    /** The most bytes of one JSON body. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    /** Thrown while the body is read: the body is over the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("JSON body over " + MAX_BYTES + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(request.getContentLengthLong(), super.getInputStream());
                }
                return limited;
            }
        }, response);
    }

    private static final class Limited extends ServletInputStream {
        private final long declared;
        private final ServletInputStream in;
        private long read;

        Limited(long declared, ServletInputStream in) {
            this.declared = declared;
            this.in = in;
        }

        private void count(long n) throws TooLarge {
            if (declared > MAX_BYTES || n > 0 && (read += n) > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public int read() throws IOException {
            count(0);
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            count(0);
            int n = in.read(buffer, offset, length);
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
