package ru.rsoko.meeting.domain;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** An item of the agenda with its speakers (one per line), what was heard, and its materials. */
public record AgendaItemView(long id, String number, String title, @Nullable String speakers, @Nullable String heard,
                             long version, List<MaterialView> materials) {

    static AgendaItemView of(AgendaItem item) {
        return new AgendaItemView(item.getId(), item.getNumber(), item.getTitle(), item.getSpeakers(), item.getHeard(),
                item.getVersion(), item.getMaterials().stream().map(MaterialView::of).toList());
    }

    public List<String> speakerList() {
        return Letter.lines(speakers);
    }
}
