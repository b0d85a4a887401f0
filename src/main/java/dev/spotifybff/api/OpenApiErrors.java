package dev.spotifybff.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import dev.spotifybff.errors.ErrorCode;

/**
 * Documents, once for every /api operation, what they all share: the required X-CSRF header and
 * the error answers, each an ApiError JSON with a stable code: every code of {@link ErrorCode} an /api
 * endpoint can answer, by status.
 */
public class OpenApiErrors implements OASFilter {

    /** "401" -> "login_required: when it happens", several codes of one status joined by "; ". */
    private static final Map<String, String> ERRORS = new TreeMap<>(Arrays.stream(ErrorCode.values())
            .filter(ErrorCode::fromApi)
            .collect(Collectors.groupingBy(code -> Integer.toString(code.status()),
                    Collectors.mapping(code -> code.code() + ": " + code.when(), Collectors.joining("; ")))));


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
                // The session probe answers "not logged in" with 200: it is the one /api call without a 401.
                boolean probe = path.equals("/api/session");
                item.getOperations().values().forEach(operation -> document(operation, probe));
            }
        });
    }

    private static void document(Operation operation, boolean neverLoginRequired) {
        operation.addParameter(OASFactory.createParameter().name(CsrfGuard.HEADER).in(Parameter.In.HEADER)
                .required(true).description("Must be 1: the CSRF guard")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("1"))));
        ERRORS.forEach((status, description) -> {
            if (!(neverLoginRequired && status.equals("401"))) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("ApiError")))));
            }
        });
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
