package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.map;

import io.eventsuite.localcloud.template.SamTemplate.Secret;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link Secret} from an {@code AWS::SecretsManager::Secret}, with GenerateSecretString's defaults. */
final class SecretReader {

    private final TemplateValues values;

    SecretReader(TemplateValues values) {
        this.values = values;
    }

    Secret read(String id, Map<String, Object> p) {
        Map<String, Object> generate = map(p.get("GenerateSecretString"));
        return new Secret(id, values.string(p.get("SecretString")), values.integer(generate.get("PasswordLength"), 32),
                Optional.ofNullable(values.string(generate.get("ExcludeCharacters"))).orElse(""),
                values.bool(generate.get("ExcludePunctuation"), false),
                values.bool(generate.get("ExcludeNumbers"), false),
                values.bool(generate.get("ExcludeUppercase"), false),
                values.bool(generate.get("ExcludeLowercase"), false),
                values.bool(generate.get("IncludeSpace"), false));
    }
}
