package ru.rsoko.notification.web;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import java.util.function.Consumer;
import java.util.function.Function;

/** Every row of a paged reading, a thousand at a time: what an .xlsx download of a list writes. */
final class EveryPage {

    private EveryPage() {
    }

    static <T> Consumer<Consumer<T>> of(Function<Pageable, Page<T>> reading) {
        return sink -> {
            Pageable pageable = PageRequest.of(0, 1000);
            Page<T> chunk;
            do {
                chunk = reading.apply(pageable);
                chunk.forEach(sink);
                pageable = pageable.next();
            } while (chunk.hasNext());
        };
    }
}
