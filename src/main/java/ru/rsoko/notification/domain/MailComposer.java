package ru.rsoko.notification.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import ru.rsoko.account.Recipient;
import ru.rsoko.platform.web.Formats;

import java.util.Locale;

/**
 * A mail's HTML and plain text from the Thymeleaf templates {@code templates/mail/notification.html} and
 * {@code .txt}, in Russian, with links on the product's address ({@code rsoko.public-url}). An engine of its own:
 * the pages' engine reads HTML only, and a mail is not a page.
 */
@Component
public class MailComposer {

    public record Mail(String subject, String html, String plain) {
    }

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final String publicUrl;

    MailComposer(@Value("${rsoko.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** The absolute address of a path of the app. */
    public String url(String path) {
        return path.startsWith("http") ? path : publicUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public Mail compose(Recipient to, Message message) {
        Context context = new Context(Locale.forLanguageTag("ru-RU"));
        context.setVariable("name", to.fullName());
        context.setVariable("message", message);
        context.setVariable("paragraphs", message.text().lines().filter(l -> !l.isBlank()).toList());
        context.setVariable("link", message.link() == null ? null : url(message.link()));
        context.setVariable("publicUrl", publicUrl);
        context.setVariable("settingsUrl", url("/notifications/settings"));
        context.setVariable("dates", Formats.DATE);
        context.setVariable("composer", this);
        String subject = "РСОКО: " + message.title();
        return new Mail(subject.length() > 300 ? subject.substring(0, 299) + "…" : subject,
                html.process("notification", context), text.process("notification", context));
    }
}
