package dev.spotifybff.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import dev.spotifybff.support.ProdCredentials;
import dev.spotifybff.support.SpotifyFixtures;
import dev.spotifybff.support.SpotifyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * A person's visit, in Debian's Chromium, on the packaged app against a stub Spotify: log in
 * through the consent page, see the profile and top tracks, switch the time range (kept in the
 * address over a reload, not carried to top artists), open a playlist and an unknown one, look at
 * them on a phone, log out, then follow a deep link that the login comes back to. No token may be
 * readable from the page. Screenshots of every step go to target/screenshots.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(SpotifyStub.class)
@QuarkusTestResource(value = ProdCredentials.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BrowserJourneyIT {

    private static final String APP = "http://127.0.0.1:8891";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launchChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": install it with `apt-get install -y chromium` "
                    + "(.ci/run does this on a fresh machine). Playwright's own browser download does not work here.");
        }
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void a_visitor_logs_in_browses_the_profile_app_and_logs_out_without_ever_holding_a_token() {
        SpotifyStub.defaults();
        consentPageLikeSpotifys();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
        Page page = context.newPage();

        page.navigate(APP + "/");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Spotify"))).isVisible();
        shot(page, "01-login-desktop");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Spotify")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Spotify BFF wants access")))
                .isVisible();
        shot(page, "02-consent");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agree")).click();

        page.waitForURL(APP + "/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Wizzler"))).isVisible();
        assertThat(page.getByText("Neon Rain")).isVisible();
        shot(page, "03-overview-desktop");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("All time")).click();
        assertThat(page.getByText("Evergreen")).isVisible();
        assertThat(page.getByText("Neon Rain")).isHidden();
        shot(page, "04-top-tracks-all-time");
        page.waitForURL(APP + "/?range=long_term");
        page.reload();
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("All time")))
                .hasAttribute("aria-selected", "true");
        assertThat(page.getByText("Evergreen")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Top artists")).click();
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Last 4 weeks")))
                .hasAttribute("aria-selected", "true");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Playlists")).click();
        assertThat(page.getByText("4 tracks")).isVisible();
        shot(page, "05-playlists-desktop");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Late Night Mix")).click();
        page.waitForURL(APP + "/playlists/" + SpotifyFixtures.MIX_ID);
        assertThat(page.getByText("Midnight Ferry")).isVisible();
        assertThat(page.getByText("This track is no longer available.")).isVisible();
        shot(page, "06-playlist-desktop");

        assertNoTokenReachable(page);
        playlistNotFound(page, "06b-playlist-not-found-desktop");

        page.setViewportSize(360, 780);
        page.navigate(APP + "/playlists/" + SpotifyFixtures.MIX_ID);
        assertThat(page.getByText("Midnight Ferry")).isVisible();
        shot(page, "07-playlist-phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recently played")).click();
        assertThat(page.getByText("Glass Harbor").first()).isVisible();
        shot(page, "08-recently-played-phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Wizzler"))).isVisible();
        shot(page, "09-overview-phone");
        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
                "nothing overflows sideways on a 360 px phone");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Spotify"))).isVisible();
        shot(page, "10-logged-out-phone");
        page.reload();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Spotify"))).isVisible();

        // A deep link while logged out: the login comes back to it, with its range.
        page.navigate(APP + "/artists?range=long_term");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Spotify")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agree")).click();
        page.waitForURL(APP + "/artists?range=long_term");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Top artists"))).isVisible();
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("All time")))
                .hasAttribute("aria-selected", "true");
        shot(page, "11-deep-link-after-login-phone");
        playlistNotFound(page, "12-playlist-not-found-phone");
        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
                "nothing overflows sideways on a 360 px phone");

        // The same at desktop width, after this session ends: the next login lands where it ended.
        page.setViewportSize(1280, 860);
        page.navigate(APP + "/recent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Spotify"))).isVisible();
        page.navigate(APP + "/recent");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Spotify")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agree")).click();
        page.waitForURL(APP + "/recent");
        assertThat(page.getByText("Glass Harbor").first()).isVisible();
        shot(page, "13-deep-link-after-login-desktop");
        assertEquals(Boolean.FALSE, page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
                "nothing overflows sideways at 1280 px");
        context.close();
    }

    /** An unknown playlist: a heading, the way back, and no retry that cannot help. */
    private static void playlistNotFound(Page page, String shot) {
        page.navigate(APP + "/playlists/0000000000000000000000");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Playlist not found")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← All playlists"))).isVisible();
        assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try again")).count());
        shot(page, shot);
    }

    /** Spotify's consent page, reduced to its essence: the user clicks Agree and goes back with code and state. */
    private static void consentPageLikeSpotifys() {
        SpotifyStub.server().stubFor(get(urlPathEqualTo("/accounts/authorize")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><html lang=\"en\"><title>Spotify - Authorize</title>"
                        + "<h1>Spotify BFF wants access</h1><p>Scopes: {{request.query.scope}}</p>"
                        + "<a href=\"{{request.query.redirect_uri}}?code=stub-code&state={{request.query.state}}\">Agree</a>")
                .withTransformers("response-template")));
    }

    private static void assertNoTokenReachable(Page page) {
        String cookies = (String) page.evaluate("document.cookie");
        String local = (String) page.evaluate("JSON.stringify(Object.assign({}, localStorage))");
        String session = (String) page.evaluate("JSON.stringify(Object.assign({}, sessionStorage))");
        for (String visible : List.of(cookies, local, session)) {
            for (String secret : List.of(SpotifyStub.ACCESS_TOKEN, SpotifyStub.REFRESH_TOKEN, SpotifyStub.CLIENT_SECRET,
                    "bff_session")) {
                assertFalse(visible.contains(secret), "the page can read " + secret + ": " + visible);
            }
        }
        assertEquals("", cookies, "the session cookie is HttpOnly: scripts see no cookie at all");
        assertEquals("{}", local);
        assertEquals("{}", session);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
