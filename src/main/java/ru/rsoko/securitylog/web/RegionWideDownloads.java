package ru.rsoko.securitylog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.securitylog.domain.SecurityEventKind;
import ru.rsoko.securitylog.domain.SecurityLog;

import java.util.List;

/**
 * Downloads of files whose scope is a whole region or more are written to the security log: the listed addresses,
 * answered 200, to a person whose scope is a region or all of them (regional staff and administrators; a
 * municipality's or a school's download of the same address holds only their part). Watched here by address, so that
 * the modules that make the files need know nothing of the log.
 */
@Configuration(proxyBeanMethods = false)
class RegionWideDownloads implements WebMvcConfigurer, HandlerInterceptor {

    /** The region-wide downloads (docs/security-login.md names them). */
    static final List<String> PATHS = List.of(
            "/directory.xlsx", "/directory/*/pupils.xlsx", "/directory/*/municipalities.xlsx",
            "/executions.xlsx",
            "/plans.xlsx", "/plans/*.xlsx", "/plans/*/execution.xlsx", "/procedures/*/participation.xlsx",
            "/vsoko/campaigns/*/results.xlsx", "/vsoko/campaigns/*/results/schools.xlsx",
            "/vsoko/campaigns/*/submissions.xlsx", "/vsoko/campaigns/*/progress.xlsx",
            "/dashboard.xlsx", "/dashboard/risk.xlsx",
            "/meetings.xlsx", "/meetings/*/matrix.xlsx",
            "/tasks.xlsx",
            "/admin/accounts.xlsx", "/admin/security-log.xlsx", "/admin/login-throttling.xlsx",
            "/admin/protocol-corrections.xlsx", "/admin/protocol-corrections.zip", "/api/v1/admin/protocol-corrections/export");

    private final SecurityLog log;

    RegionWideDownloads(SecurityLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (ex != null || response.getStatus() != 200 || auth == null
                || !(auth.getPrincipal() instanceof CurrentUser user) || !(user.is(Role.ADMIN) || user.is(Role.REGION))) {
            return;
        }
        String query = request.getQueryString();
        log.record(SecurityEventKind.DOWNLOAD, user.accountId(), user.getUsername(), user.regionId(),
                request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
