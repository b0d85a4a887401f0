package dev.spotifybff.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents, once for every /api operation, what they all share: the required X-CSRF header and
 * the error answers, each an ApiError JSON with a stable code.
 */
public class OpenApiErrors implements OASFilter {

    private static final Map<String, String> ERRORS = Map.of(
            "401", "login_required: no session, or it ended",
            "403", "csrf_header_missing: X-CSRF: 1 is missing",
            "429", "rate_limited: Spotify asks to slow down; retryAfter (and Retry-After) in seconds",
            "502", "spotify_unavailable: Spotify answered 5xx or could not be reached",
            "503", "session_store_unavailable: the session store is down",
            "504", "spotify_timeout: Spotify did not answer in time");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("ApiError", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("Every error of the BFF")
                .addProperty("error", string("A stable machine code, e.g. login_required"))
                .addProperty("message", string("A sentence for people"))
                .addProperty("retryAfter", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("With rate_limited: seconds to wait"))
                .addProperty("detail", string("With invalid_request: which value is wrong"))
                .required(List.of("error", "message")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api")) {
                item.getOperations().values().forEach(OpenApiErrors::document);
            }
        });
    }

    private static void document(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name(CsrfGuard.HEADER).in(Parameter.In.HEADER)
                .required(true).description("Must be 1: the CSRF guard")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("1"))));
        ERRORS.forEach((status, description) -> operation.getResponses().addAPIResponse(status,
                OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("ApiError"))))));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
