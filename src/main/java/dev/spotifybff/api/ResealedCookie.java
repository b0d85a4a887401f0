package dev.spotifybff.api;

import jakarta.enterprise.context.RequestScoped;

/** A session cookie re-sealed with the current secret during this request (a Set-Cookie value), for CurrentSession to send. */
@RequestScoped
public class ResealedCookie {

    private String setCookie;

    void set(String setCookie) {
        this.setCookie = setCookie;
    }

    String get() {
        return setCookie;
    }
}
