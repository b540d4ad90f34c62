package ru.rsoko.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A page and its htmx fragment share an address ({@link Partials}); {@code Vary: HX-Request} keeps a browser or
 * proxy cache from answering one with the other.
 */
@Component
class VaryOnHtmx extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")) {
            response.addHeader("Vary", "HX-Request");
        }
        chain.doFilter(request, response);
    }
}
