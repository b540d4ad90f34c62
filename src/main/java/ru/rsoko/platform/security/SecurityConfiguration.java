package ru.rsoko.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import ru.rsoko.platform.web.TooManyAttemptsException;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * Two doors: people sign in with a form (session kept in PostgreSQL, CSRF on), integrations call
 * {@code /api/**} with no session, with a personal access token ({@code Authorization: Bearer …}, the recommended
 * way) or with HTTP Basic (kept for compatibility: it costs a bcrypt per call). Which objects a signed-in user reaches
 * is decided by the services from the user's scope; here only roles and public paths are settled.
 * <p>
 * Tokens go through Spring Security's resource server as opaque tokens: its filter reads the header and answers a
 * wrong one, and the {@code OpaqueTokenIntrospector} and {@code OpaqueTokenAuthenticationConverter} beans that say
 * who a token stands for belong to the accounts module, found here by type.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .oauth2ResourceServer(tokens -> tokens.opaqueToken(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .httpBasic(basic -> basic.realmName("RSOKO").authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/login?error=locked",
                DisabledException.class.getName(), "/login?error=disabled"));
        failure.setDefaultFailureUrl("/login?error=bad");
        // a throttled sign-in: the login page says how many minutes to wait (the message speaks of the address only)
        AuthenticationFailureHandler failures = (request, response, e) -> {
            if (e instanceof TooManyAttemptsException throttled) {
                response.sendRedirect(request.getContextPath() + "/login?error=throttled&minutes=" + throttled.minutes());
            } else {
                failure.onAuthenticationFailure(request, response, e);
            }
        };
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");

        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/error/**", "/favicon.ico", "/webjars/**", "/css/**",
                                "/js/**", "/img/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // calendar apps cannot sign in: the secret token in a feed's address is its key (calendar module)
                        .requestMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll()
                        .requestMatchers("/actuator/**", "/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(success).failureHandler(failures))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'self'; form-action 'self'")));
        return http.build();
    }
}
