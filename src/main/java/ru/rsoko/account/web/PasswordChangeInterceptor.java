package ru.rsoko.account.web;

import ru.rsoko.access.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A person who signed in with a temporary password sets their own before doing anything else. */
@Component
class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/img/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user && user.mustChangePassword()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/") && !path.equals("/account/password") && !path.equals("/logout")
                    && !path.startsWith("/error")) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return false;
            }
        }
        return true;
    }
}
