package ru.rsoko.account.domain;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.rsoko.platform.web.TooManyAttemptsException;

/**
 * Sign-in by password on both doors (the form and HTTP Basic on the API, which share Spring Security's global
 * authentication manager, found here as the one {@code AuthenticationProvider} bean): asks {@link LoginThrottle}
 * first and refuses a throttled attempt without checking it, then checks the password as Spring Security does
 * (with its answer for an unknown login costing the same bcrypt as a wrong password), and counts a failure or forgets
 * the (login, address) failures on success. The source address is the request's remote address, which the platform
 * makes the client's behind a trusted proxy.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = AccountUserDetailsService.normalise(authentication.getName());
        String address = address(authentication);
        LoginThrottle.State state = throttle.check(username, address);
        if (state.throttled()) {
            throttle.refused(username, address, state.retryAfter());
            throw new TooManyAttemptsException(state.retryAfter());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address, state);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address, door(authentication));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "неизвестен";
    }

    /** HTTP Basic is the API's, the form the pages'. */
    private static LoginThrottle.Door door(Authentication authentication) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getRequestURI().startsWith(request.getRequest().getContextPath() + "/api/")
                ? LoginThrottle.Door.BASIC : LoginThrottle.Door.FORM;
    }
}
