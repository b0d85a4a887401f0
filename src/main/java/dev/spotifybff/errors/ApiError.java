package dev.spotifybff.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The one error shape of the BFF: a stable machine code, and a sentence for people. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, Long retryAfter, String detail) {

    public ApiError(String error, String message) {
        this(error, message, null, null);
    }
}
