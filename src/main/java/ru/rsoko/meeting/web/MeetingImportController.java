package ru.rsoko.meeting.web;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.correction.ProtocolCorrections;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.ImportForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.meeting.domain.ProtocolDrafts;
import ru.rsoko.meeting.domain.ResponsibleResolver;
import ru.rsoko.meeting.protocol.ProtocolDraft;
import ru.rsoko.meeting.protocol.ProtocolFiles;
import ru.rsoko.meeting.protocol.ProtocolFormatException;
import ru.rsoko.meeting.protocol.ProtocolParser;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * From a protocol written the usual way to a meeting: paste the text or upload the .docx, .doc or .pdf, correct the draft,
 * confirm. Nothing is saved before the confirmation.
 */
@Controller
class MeetingImportController {

    static final int MAX_TEXT = 500_000;

    private final ProtocolParser parser;
    private final ProtocolDrafts drafts;
    private final MeetingManagement meetings;
    private final ResponsibleResolver resolver;
    private final Formats formats;
    private final ProtocolCorrections corrections;

    MeetingImportController(ProtocolParser parser, ProtocolDrafts drafts, MeetingManagement meetings,
                            ResponsibleResolver resolver, Formats formats, ProtocolCorrections corrections) {
        this.parser = parser;
        this.drafts = drafts;
        this.meetings = meetings;
        this.resolver = resolver;
        this.formats = formats;
        this.corrections = corrections;
    }

    @ModelAttribute("kinds")
    MeetingKind[] kinds() {
        return MeetingKind.values();
    }

    @ModelAttribute("deadlineKinds")
    DeadlineKind[] deadlineKinds() {
        return DeadlineKind.values();
    }

    @GetMapping("/meetings/import")
    String form(@AuthenticationPrincipal CurrentUser user) {
        checkCanCreate(user);
        return "meeting/import";
    }

    @PostMapping("/meetings/import")
    String parse(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String text,
                 @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        checkCanCreate(user);
        ProtocolDraft draft;
        String source = null;
        try {
            if (file != null && !file.isEmpty()) {
                try (InputStream in = file.getInputStream()) {
                    source = ProtocolFiles.text(in, file.getOriginalFilename());
                }
                draft = parser.parse(source);
            } else if (text != null && !text.isBlank()) {
                if (text.length() > MAX_TEXT) {
                    throw new RuleViolationException("Текст слишком длинный: вставьте один протокол (до 500 000 знаков)");
                }
                draft = parser.parse(text);
                source = text;
            } else {
                throw new RuleViolationException("Вставьте текст протокола или выберите файл (.docx, .doc или .pdf)");
            }
            if (draft.isEmpty()) {
                throw new RuleViolationException(ProtocolApiController.NOTHING_FOUND);
            }
        } catch (ProtocolFormatException | RuleViolationException e) {
            RefusedUploads.refused();
            model.addAttribute("error", e.getMessage());
            model.addAttribute("text", text);
            return "meeting/import";
        }
        ImportForm form = drafts.toForm(draft, LocalDate.now(formats.zone()));
        form.setSourceText(draft.sourceText() != null ? draft.sourceText() : source);
        return draft(user, form, model);
    }

    @PostMapping("/meetings/import/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ImportForm form,
                   BindingResult errors, Model model, RedirectAttributes redirect) {
        checkCanCreate(user);
        if (!errors.hasErrors()) {
            try {
                // what the person corrected in the draft is kept beside the text, for the corpus to grow from
                MeetingView meeting = corrections.createFromImport(user, form);
                redirect.addFlashAttribute("message", "Мероприятие создано из протокола: проверьте и подпишите протокол");
                return "redirect:/meetings/" + meeting.id();
            } catch (RuleViolationException e) {
                errors.reject("rule", e.getMessage());
            }
        }
        return draft(user, form, model);
    }

    private String draft(CurrentUser user, ImportForm form, Model model) {
        List<String> recognised = new ArrayList<>();
        List<List<String>> unresolved = new ArrayList<>();
        // every decision's wording resolved at once: the region's organisations are read once, not once per decision
        List<List<String>> wordings = form.getDecisions().stream()
                .map(d -> ResponsibleResolver.split(MeetingForm.clean(d.getResponsibleText()))).toList();
        List<ResponsibleResolver.Resolution> resolutions = resolver.resolveEach(wordings, user.regionId(), user.municipalityId());
        for (int i = 0; i < form.getDecisions().size(); i++) {
            String wording = MeetingForm.clean(form.getDecisions().get(i).getResponsibleText());
            if (wording == null) {
                recognised.add("не указаны");
                unresolved.add(List.of());
                continue;
            }
            ResponsibleResolver.Resolution resolution = resolutions.get(i);
            unresolved.add(resolution.unresolved());
            String parties = meetings.describe(resolution.parties());
            recognised.add(resolution.unresolved().isEmpty() ? parties
                    : (parties.isEmpty() ? "" : parties + "; ") + "не распознано: «" + String.join("», «", resolution.unresolved()) + "»");
        }
        model.addAttribute("form", form);
        model.addAttribute("recognised", recognised);
        // where each fact came from, located again from the form as it stands: after a failed confirmation too
        model.addAttribute("sources", SourcePreview.of(form, unresolved));
        return "meeting/import-draft";
    }

    private void checkCanCreate(CurrentUser user) {
        if (!meetings.canCreate(user)) {
            throw RuleViolationException.forbidden("Протоколы загружают региональные специалисты и специалисты МОУО");
        }
    }
}
