package ru.rsoko.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * The parameters every list shares — {@code page}, {@code size}, {@code q} — judged once for pages, the API and .xlsx
 * downloads alike, before a controller runs: out of range they are a 400 with a Russian message, never a query that
 * fails in the database (an offset beyond {@code int}, a NUL byte PostgreSQL refuses) and turns into a 500, or into an
 * empty .xlsx whose headers were already sent. A NUL character is refused in any parameter, forms
 * included. {@code sort} is not read by any list (each has its own fixed order).
 */
@Configuration(proxyBeanMethods = false)
class RequestParameters implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            // the error page of a request that already failed, e.g. an upload over the limit: reading its parameters
            // again would fail again, and Tomcat would answer with its own English page
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (Paging.hasNul(value)) {
                    throw RuleViolationException.field(parameter.getKey(), "Параметр «" + parameter.getKey()
                            + "» содержит недопустимый символ (NUL)");
                }
            }
        }
        Paging.check(request.getParameter("page"), request.getParameter("size"), request.getParameter("q"));
        return true;
    }
}
