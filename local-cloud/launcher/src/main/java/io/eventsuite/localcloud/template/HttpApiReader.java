package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.map;

import io.eventsuite.localcloud.template.SamTemplate.Cors;
import io.eventsuite.localcloud.template.SamTemplate.HttpApi;
import io.eventsuite.localcloud.template.SamTemplate.JwtAuthorizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link HttpApi} from an {@code AWS::Serverless::HttpApi} (merged with {@code Globals}): its JWT
 * authorizers, the default one, and CORS.
 */
final class HttpApiReader {

    private final TemplateValues values;

    HttpApiReader(TemplateValues values) {
        this.values = values;
    }

    HttpApi read(String id, Map<String, Object> p) {
        Map<String, Object> auth = map(p.get("Auth"));
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        map(auth.get("Authorizers")).forEach((name, a) -> {
            Map<String, Object> authorizer = map(a);
            Map<String, Object> jwt = map(authorizer.get("JwtConfiguration"));
            // Lambda authorizers are not emulated: only JWT ones are kept.
            if (!jwt.isEmpty()) {
                authorizers.put(name, new JwtAuthorizer(name, values.string(authorizer.get("IdentitySource")),
                        jwt.get("issuer"), jwt.get("audience")));
            }
        });
        return new HttpApi(id, values.string(auth.get("DefaultAuthorizer")), Map.copyOf(authorizers),
                cors(p.get("CorsConfiguration")));
    }

    /** CORS as configured; {@code CorsConfiguration: true} allows any origin, method and header. */
    private Cors cors(Object corsConfig) {
        if (corsConfig instanceof Map<?, ?>) {
            Map<String, Object> c = map(corsConfig);
            return new Cors(values.strings(c.get("AllowOrigins")), values.strings(c.get("AllowMethods")),
                    values.strings(c.get("AllowHeaders")), values.strings(c.get("ExposeHeaders")),
                    c.get("MaxAge") == null ? null : values.integer(c.get("MaxAge"), 0),
                    values.bool(c.get("AllowCredentials"), false));
        }
        if (corsConfig != null && values.bool(corsConfig, false)) {
            return new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        }
        return null;
    }
}
