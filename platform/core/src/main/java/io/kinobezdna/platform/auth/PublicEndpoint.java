package io.kinobezdna.platform.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an HTTP handler that anyone may call without signing in (sign-up, the JWKS, browsing the
 * catalog). Every other handler of a servlet service needs a verified caller: a handler that
 * forgets to ask for one is refused with 401, not served to anyone. A public handler that wants to
 * know a signed-in caller takes an {@code Optional<VerifiedCaller>}.
 *
 * <p>Each service's integration test lists its public endpoints, so adding one is a visible change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {}
