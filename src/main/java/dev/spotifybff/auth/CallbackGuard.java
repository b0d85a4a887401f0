package dev.spotifybff.auth;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.spotifybff.config.BffConfig;
import dev.spotifybff.config.PublicOrigin;
import dev.spotifybff.errors.ErrorCode;
import dev.spotifybff.metrics.BffMetrics;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every failed login a stable /?error=&lt;code&gt; for the SPA, where quarkus-oidc would answer
 * a bare 401 or, for a callback it cannot match to a login, start a new login.
 * <p>
 * It runs on the redirect URI's path after Quarkus's authentication handler is set up and before
 * the permission check lets quarkus-oidc run (Filters priority 150, between 200 and 100). First it
 * answers what can be seen without quarkus-oidc: an error from /authorize, no login in progress (no
 * state cookie), a state that matches none, a missing code. A callback that passes goes on to
 * quarkus-oidc with this class as its authentication-failure handler (the hook Quarkus offers for
 * lazy authentication), which turns a failed exchange into login_failed, spotify_unavailable or
 * session_store_unavailable. Every failure clears the state cookies, so nothing is left to replay.
 */
@Singleton
public class CallbackGuard {

    private static final Logger LOG = Logger.getLogger(CallbackGuard.class);
    /** quarkus-oidc's state cookie: q_auth_&lt;state&gt; (one per login in progress). */
    private static final String STATE_COOKIE = "q_auth_";
    private static final int AFTER_AUTHENTICATION_BEFORE_AUTHORIZATION = 150;

    private final String callbackPath;
    /** REDIRECT_URI's origin: behind a TLS-terminating proxy the request's own scheme would be http. */
    private final String origin;
    private final BffMetrics metrics;
    private final LoginRateLimit rateLimit;

    CallbackGuard(BffConfig config, BffMetrics metrics, LoginRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        URI redirectUri = URI.create(config.redirectUri());
        this.callbackPath = redirectUri.getPath();
        this.origin = PublicOrigin.of(config).origin();
        this.metrics = metrics;
    }

    void register(@Observes Filters filters) {
        filters.register(this::guard, AFTER_AUTHENTICATION_BEFORE_AUTHORIZATION);
    }

    private void guard(RoutingContext rc) {
        if (!callbackPath.equals(rc.normalizedPath())) {
            rc.next();
            return;
        }
        OptionalLong wait = rateLimit.retryAfter(rc.request());
        if (wait.isPresent()) {
            LOG.infof("login refused: LOGIN_RATE_LIMIT reached for this client address");
            metrics.loginFailed(ErrorCode.LOGIN_RATE_LIMITED.code());
            rc.response().setStatusCode(ErrorCode.LOGIN_RATE_LIMITED.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
                    .end(Json.encode(ErrorCode.LOGIN_RATE_LIMITED.body()));
            return;
        }
        LoginError early = check(rc);
        if (early != null) {
            fail(rc, early);
            return;
        }
        BiConsumer<RoutingContext, Throwable> quarkusHandler = rc.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ctx, failure) -> {
            Throwable root = DefaultAuthFailureHandler.extractRootCause(failure);
            if (root instanceof AuthenticationRedirectException) {
                quarkusHandler.accept(ctx, failure); // the login succeeded: quarkus-oidc's own redirect
                return;
            }
            LOG.warnf("login failed: %s", root.getCause() != null ? root.getCause().getMessage() : root.getMessage());
            fail(ctx, LoginErrors.classify(failure));
        });
        rc.next();
    }

    private static LoginError check(RoutingContext rc) {
        String error = rc.request().getParam("error");
        if (error != null) {
            return "access_denied".equals(error) ? LoginError.ACCESS_DENIED : LoginError.AUTHORIZE_FAILED;
        }
        if (rc.request().cookies().stream().noneMatch(c -> c.getName().startsWith(STATE_COOKIE))) {
            return LoginError.LOGIN_EXPIRED;
        }
        List<String> state = rc.queryParam("state");
        if (state.size() != 1 || rc.request().getCookie(STATE_COOKIE + state.get(0)) == null) {
            return LoginError.STATE_MISMATCH;
        }
        List<String> code = rc.queryParam("code");
        if (code.size() != 1 || code.get(0).isBlank()) {
            return LoginError.MISSING_CODE;
        }
        return null;
    }

    private void fail(RoutingContext rc, LoginError error) {
        if (rc.response().ended()) {
            return;
        }
        LOG.infof("login failed: %s", error.code());
        metrics.loginFailed(error.code());
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie.getName().startsWith(STATE_COOKIE)) {
                rc.response().addCookie(Cookie.cookie(cookie.getName(), "").setPath("/").setMaxAge(0));
            }
        }
        rc.response().setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, origin + "/?error=" + error.code())
                .end();
    }
}
