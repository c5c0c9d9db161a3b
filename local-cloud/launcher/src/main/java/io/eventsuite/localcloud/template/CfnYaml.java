package io.eventsuite.localcloud.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template written in YAML. The short-form intrinsic tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}, {@code !If [...]} ...) become their long form as plain maps
 * ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}, {@code {Fn::Sub: ...}}), so the rest of the reader handles both
 * forms the same way. Only plain data comes out (maps, lists, strings, numbers, booleans): no YAML type tags,
 * and timestamps stay strings. The one reader of templates: the local cloud's and the deployment's rule tests.
 */
public final class CfnYaml {

    /** Short-form tag to the long-form key it stands for. */
    static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            Map.entry("!Length", "Fn::Length"));

    private CfnYaml() {
    }

    /** The template as plain maps and lists. */
    public static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return document(yaml().load(reader), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses template text (tests, snippets) as {@link #load} reads a file. */
    public static Map<String, Object> parse(String yaml) {
        return document(yaml().load(yaml), "the text");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(Object document, String source) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + " is not a template (no top-level mapping)");
        }
        return (Map<String, Object>) map;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        // A key written twice is a template bug that CloudFormation would resolve silently: refuse it here.
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(new IntrinsicConstructor(options));
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            // CloudFormation treats unquoted dates as strings.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            TAGS.forEach((tag, key) -> yamlConstructors.put(new Tag(tag), new Intrinsic(key)));
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute (the attribute may itself hold dots: Outputs.X).
                    value = key.equals("Fn::GetAtt") ? List.of(text.substring(0, dotOrEnd(text)),
                            text.substring(Math.min(text.length(), dotOrEnd(text) + 1))) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    value = constructMapping(mapping);
                } else {
                    throw new IllegalArgumentException("unexpected node for " + key + ": " + node);
                }
                return Map.of(key, value);
            }

            private static int dotOrEnd(String text) {
                int dot = text.indexOf('.');
                return dot < 0 ? text.length() : dot;
            }
        }
    }
}
