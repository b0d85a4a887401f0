package dev.spotifybff.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.spotifybff.errors.ApiError;
import dev.spotifybff.errors.ApiException;
import dev.spotifybff.errors.ErrorCode;
import dev.spotifybff.session.SessionStoreUnavailableException;

/**
 * Renders every failure of a REST endpoint as {@link ApiError} JSON, with a code of {@link ErrorCode}:
 * typed failures with their own code, framework 4xx with a generic one, and anything unexpected as a
 * 500 whose body names no class and shows no stack trace (the log has it, minus secrets).
 * Paths no resource matches (an unknown /api path) end here as a JSON 404 too.
 */
public class ApiExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @ServerExceptionMapper
    public Response apiFailure(ApiException e) {
        Response.ResponseBuilder response = json(e.status(), e.body());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response storeUnavailable(SessionStoreUnavailableException e) {
        LOG.warnf("session store unavailable: %s", e.getMessage());
        return json(ErrorCode.SESSION_STORE_UNAVAILABLE).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return json(ErrorCode.METHOD_NOT_ALLOWED).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 404) {
            return json(ErrorCode.NOT_FOUND).build();
        }
        return json(status, new ApiError(ErrorCode.INVALID_REQUEST.code(), "The request could not be handled.")).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf("unexpected failure: %s", e.getClass().getName());
        LOG.debug("unexpected failure", e);
        return json(ErrorCode.INTERNAL_ERROR).build();
    }

    private static Response.ResponseBuilder json(ErrorCode code) {
        return json(code.status(), code.body());
    }

    private static Response.ResponseBuilder json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
