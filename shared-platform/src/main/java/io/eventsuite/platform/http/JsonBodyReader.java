package io.eventsuite.platform.http;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JacksonException.Reference;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies strictly and turns every way a body can be wrong into a precise problem.
 *
 * <ul>
 *   <li>not JSON, or not what the route expects at the top level: 400 {@code malformed-json}</li>
 *   <li>a field the API does not accept: 400 {@code unknown-field}, naming it</li>
 *   <li>a value of the wrong type, or refused by the domain's rules: 422 {@code invalid-input}, naming the field</li>
 *   <li>another content type: 415</li>
 * </ul>
 * Messages never quote the body back, so nothing a client sent is reflected or logged.
 */
final class JsonBodyReader {

    private final JsonMapper json;

    JsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    <T> T read(String body, Optional<String> contentType, Class<T> type) {
        if (contentType.isPresent() && !isJson(contentType.get())) {
            throw new RequestRejected(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
        }
        if (body == null || body.isBlank()) {
            throw new RequestRejected(ProblemType.MALFORMED_JSON, "the request needs a JSON body");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new RequestRejected(ProblemType.MALFORMED_JSON, "the request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            throw new RequestRejected(ProblemType.UNKNOWN_FIELD, "the field '" + field + "' is not accepted here",
                    List.of(new Violation(field, "is not a known field")));
        } catch (StreamReadException notJson) {
            throw new RequestRejected(ProblemType.MALFORMED_JSON,
                    "the request body is not valid JSON (line " + notJson.getLocation().getLineNr()
                            + ", column " + notJson.getLocation().getColumnNr() + ")");
        } catch (DatabindException refused) {
            InvalidInput domain = domainRejection(refused);
            if (domain != null) {
                throw rebase(domain, path(refused));
            }
            if (refused.getPath().isEmpty()) {
                throw new RequestRejected(ProblemType.MALFORMED_JSON, "the request body must be a JSON object");
            }
            throw new InvalidInput(path(refused), refused instanceof MismatchedInputException
                    ? "has the wrong type" : "is not a valid value");
        } catch (JacksonException other) {
            throw new RequestRejected(ProblemType.MALFORMED_JSON, "the request body could not be read");
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** The JSON path of the failure in the client's terms: {@code lines[1].quantity}. */
    private static String path(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (Reference ref : failure.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static InvalidInput domainRejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** A value object rejected inside the body names its own field; the client wants the body's path. */
    private static InvalidInput rebase(InvalidInput invalid, String path) {
        return new InvalidInput(invalid.violations().stream()
                .map(v -> new Violation(path, v.message()))
                .toList());
    }
}
