package ru.rsoko.platform.security;

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
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
 * <p>
 * Both doors send {@code X-Content-Type-Options: nosniff}, a {@code Permissions-Policy} that turns off the browser
 * features the product never uses, and HSTS when the request came over HTTPS (directly, or from a trusted proxy that
 * says so: see {@code server.tomcat.remoteip.internal-proxies}). What concerns the whole deployment (actuator details,
 * backups) is for a deployment administrator only: an administrator of no region, who holds {@value #DEPLOYMENT_ADMIN}
 * besides {@code ADMIN}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** The role of an administrator of the whole deployment (the access module's {@code CurrentUser} grants it). */
    static final String DEPLOYMENT_ADMIN = "DEPLOYMENT_ADMIN";

    /** Browser features the product never uses, refused to every page and to anything a page might embed. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    /**
     * bcrypt at its usual cost (10) in production; the cost of a stored hash is read from the hash itself, so a
     * lower {@code rsoko.security.bcrypt-strength} (the tests use 4) only changes how new passwords are hashed.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${rsoko.security.bcrypt-strength:10}") int strength) {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, PasswordEncoder> encoders = Map.of("bcrypt", new BCryptPasswordEncoder(strength));
        DelegatingPasswordEncoder strengthened = new DelegatingPasswordEncoder("bcrypt", encoders);
        strengthened.setDefaultPasswordEncoderForMatches(encoder);
        return strengthened;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/admin/backups", "/api/v1/admin/backups/**").hasRole(DEPLOYMENT_ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(tokens -> tokens.opaqueToken(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .httpBasic(basic -> basic.realmName("RSOKO").authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY)))
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
                        // health says UP or DOWN to anyone; its details and every other actuator endpoint describe the
                        // whole deployment (management.endpoint.health.roles names the same role)
                        .requestMatchers("/actuator/**", "/admin/backup", "/admin/backup/**", "/admin/backup.xlsx")
                        .hasRole(DEPLOYMENT_ADMIN)
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(success).failureHandler(new OutageAwareFailureHandler(failures)))
                // signing in keeps the session but changes its id (Spring Security's default, said here on purpose);
                // signing out invalidates it, which deletes its row from spring_session
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).clearAuthentication(true).permitAll())
                .headers(headers -> headers
                        .permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'self'; form-action 'self'")));
        return http.build();
    }
}
