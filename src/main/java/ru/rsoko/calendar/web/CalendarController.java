package ru.rsoko.calendar.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.calendar.domain.CalendarFeedService;
import ru.rsoko.calendar.domain.FeedTokens;

/**
 * The person's calendar page (their subscription address, how to subscribe, renewing it) and the feed itself at that
 * address, which calendar apps fetch without signing in: the secret token in the address is the only key.
 */
@Controller
class CalendarController {

    private final CalendarFeedService feeds;
    private final FeedTokens tokens;

    CalendarController(CalendarFeedService feeds, FeedTokens tokens) {
        this.feeds = feeds;
        this.tokens = tokens;
    }

    @GetMapping("/me/calendar")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        FeedTokens.Address address = tokens.of(user.accountId());
        model.addAttribute("address", address);
        model.addAttribute("feedUrl", feeds.feedUrl(address.token()));
        model.addAttribute("webcalUrl", feeds.feedUrl(address.token()).replaceFirst("^https?://", "webcal://"));
        return "calendar/subscription";
    }

    @PostMapping("/me/calendar/renew")
    String renew(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        tokens.renew(user.accountId());
        redirect.addFlashAttribute("message",
                "Ссылка обновлена. Прежняя больше не работает: подпишитесь в календаре по новой ссылке.");
        return "redirect:/me/calendar";
    }

    /** The feed behind a token; open to anyone who has the address (SecurityConfiguration lets it through). */
    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        return CalendarResponses.ics(feeds.ics(token));
    }
}
