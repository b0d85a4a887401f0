package dev.spotifybff.auth;

import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;

import org.jboss.logging.Logger;

import dev.spotifybff.metrics.BffMetrics;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;

/** Counts and logs every login quarkus-oidc starts, on its redirect to Spotify's /authorize. */
@Singleton
@Unremovable // quarkus-oidc looks its filters up at run time, which does not keep a bean from removal
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class LoginStarts implements OidcRedirectFilter {

    private static final Logger LOG = Logger.getLogger(LoginStarts.class);

    private final BffMetrics metrics;

    LoginStarts(BffMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(OidcRedirectContext redirect) {
        LOG.info("login started");
        metrics.loginStarted();
    }
}
