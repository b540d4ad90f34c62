package ru.rsoko.account.domain;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.rsoko.platform.web.TooManyAttemptsException;

import java.time.Duration;
import ru.rsoko.access.CurrentUser;

import java.util.Collection;
import java.util.Map;

/**
 * Plugs our tokens into Spring Security's resource server ({@code oauth2ResourceServer().opaqueToken()}, set up by the
 * platform's security configuration, which finds these two beans by type): the bearer filter reads the header, this
 * introspector asks {@link ApiTokens} who the token stands for, and the converter makes the same principal that HTTP
 * Basic makes, so that every controller's {@code @AuthenticationPrincipal CurrentUser} works unchanged.
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector, OpaqueTokenAuthenticationConverter {

    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    ApiTokenIntrospector(ApiTokens tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /**
     * A wrong, expired or revoked token counts as a failed sign-in of the caller's address; once the address is
     * throttled its wrong tokens are answered 429. A valid token is never held up (nothing to guess in 32 random bytes),
     * and costs nothing more.
     */
    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        try {
            return new Holder(tokens.authenticate(token));
        } catch (BadOpaqueTokenException e) {
            String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    ? request.getRequest().getRemoteAddr() : "неизвестен";
            Duration wait = throttle.tokenWait(address);
            if (wait != null) {
                throw new TooManyAttemptsException(wait);
            }
            throttle.tokenFailed(address);
            throw e;
        }
    }

    @Override
    public Authentication convert(String introspectedToken, OAuth2AuthenticatedPrincipal principal) {
        return new ApiTokenAuthentication(((Holder) principal).user());
    }

    /** The introspection's answer: the person, carried to {@link #convert}. */
    private record Holder(CurrentUser user) implements OAuth2AuthenticatedPrincipal {

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of("sub", user.getUsername());
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return user.getAuthorities();
        }

        @Override
        public String getName() {
            return user.getUsername();
        }
    }
}
