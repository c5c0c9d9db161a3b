package io.eventsuite.localcloud.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions in long form ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If}, {@code Fn::Equals}, {@code Fn::Not},
 * {@code Fn::And}, {@code Fn::Or}, {@code Condition}) against parameter values, pseudo parameters, conditions and
 * whatever resource references the caller knows how to answer. {@code AWS::NoValue} removes the property or
 * list element it stands in.
 */
public final class Intrinsics {

    /** What a reference to a resource (not a parameter) stands for: a name, a URL, an ARN ... */
    public interface References {

        /** {@code !Ref logicalId}. */
        Object ref(String logicalId);

        /** {@code !GetAtt logicalId.attribute}. */
        Object getAtt(String logicalId, String attribute);
    }

    /** References that cannot be answered (while reading the template, before anything exists). */
    public static final References NONE = new References() {
        @Override
        public Object ref(String logicalId) {
            throw new UnresolvableException("!Ref " + logicalId + " needs the provisioned resource");
        }

        @Override
        public Object getAtt(String logicalId, String attribute) {
            throw new UnresolvableException("!GetAtt " + logicalId + "." + attribute + " needs the provisioned resource");
        }
    };

    /** Thrown when a value cannot be evaluated with what is known. */
    public static final class UnresolvableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnresolvableException(String message) {
            super(message);
        }
    }

    /** Stands for {@code AWS::NoValue} while evaluating; never returned inside a result. */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, String> parameters;
    private final Map<String, String> pseudoParameters;
    private final Map<String, Object> conditionDefinitions;
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();
    private final References references;

    public Intrinsics(Map<String, String> parameters, Map<String, String> pseudoParameters,
            Map<String, Object> conditionDefinitions, References references) {
        this.parameters = Map.copyOf(parameters);
        this.pseudoParameters = Map.copyOf(pseudoParameters);
        this.conditionDefinitions = conditionDefinitions == null ? Map.of() : conditionDefinitions;
        this.references = Objects.requireNonNull(references);
    }

    /** The same parameters and conditions, other resource references. */
    public Intrinsics withReferences(References other) {
        return new Intrinsics(parameters, pseudoParameters, conditionDefinitions, other);
    }

    /** The value with every intrinsic evaluated; {@code null} when it is {@code AWS::NoValue}. */
    public Object resolve(Object value) {
        Object resolved = eval(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** The value as a string ({@code null} when absent or {@code AWS::NoValue}). */
    public String string(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? null : scalar(resolved);
    }

    /** Whether a named condition of the template holds. */
    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        Object definition = conditionDefinitions.get(name);
        if (definition == null) {
            throw new UnresolvableException("no condition " + name);
        }
        boolean holds = truth(eval(definition));
        conditions.put(name, holds);
        return holds;
    }

    /** The parameter values in use. */
    public Map<String, String> parameters() {
        return parameters;
    }

    private Object eval(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    return function(key, only.getValue());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object resolved = eval(v);
                if (resolved != NO_VALUE) {
                    out.put(String.valueOf(k), resolved);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object resolved = eval(item);
                if (resolved != NO_VALUE) {
                    out.add(resolved);
                }
            }
            return out;
        }
        return value;
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(scalar(eval(argument)));
            case "Condition" -> condition(scalar(argument));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::Select" -> select(argument);
            case "Fn::Split" -> split(argument);
            case "Fn::If" -> ifThenElse(argument);
            case "Fn::Equals" -> {
                List<?> pair = list(argument, name, 2);
                yield Objects.equals(scalar(eval(pair.get(0))), scalar(eval(pair.get(1))));
            }
            case "Fn::Not" -> !truth(eval(list(argument, name, 1).get(0)));
            case "Fn::And" -> list(argument, name, -1).stream().allMatch(c -> truth(eval(c)));
            case "Fn::Or" -> list(argument, name, -1).stream().anyMatch(c -> truth(eval(c)));
            case "Fn::Base64" -> java.util.Base64.getEncoder()
                    .encodeToString(scalar(eval(argument)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> throw new UnresolvableException(name + " is not supported by the local cloud");
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (pseudoParameters.containsKey(name)) {
            return pseudoParameters.get(name);
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        return references.ref(name);
    }

    private Object getAtt(Object argument) {
        List<?> parts = list(eval(argument), "Fn::GetAtt", 2);
        return references.getAtt(scalar(parts.get(0)), scalar(parts.get(1)));
    }

    private String sub(Object argument) {
        String template;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> list) {
            template = scalar(list.get(0));
            if (list.size() > 1 && list.get(1) instanceof Map<?, ?> vars) {
                vars.forEach((k, v) -> variables.put(String.valueOf(k), eval(v)));
            }
        } else {
            template = scalar(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = scalar(variables.get(variable));
            } else if (variable.contains(".")) {
                int dot = variable.indexOf('.');
                replacement = scalar(references.getAtt(variable.substring(0, dot), variable.substring(dot + 1)));
            } else {
                replacement = scalar(ref(variable));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(Object argument) {
        List<?> parts = list(argument, "Fn::Join", 2);
        String delimiter = scalar(parts.get(0));
        Object values = eval(parts.get(1));
        List<String> strings = new ArrayList<>();
        for (Object v : list(values, "Fn::Join values", -1)) {
            strings.add(scalar(v));
        }
        return String.join(delimiter, strings);
    }

    private Object select(Object argument) {
        List<?> parts = list(argument, "Fn::Select", 2);
        int index = Integer.parseInt(scalar(eval(parts.get(0))));
        List<?> values = list(eval(parts.get(1)), "Fn::Select values", -1);
        if (index < 0 || index >= values.size()) {
            throw new UnresolvableException("Fn::Select index " + index + " out of " + values);
        }
        return values.get(index);
    }

    private List<String> split(Object argument) {
        List<?> parts = list(argument, "Fn::Split", 2);
        String delimiter = scalar(parts.get(0));
        String source = scalar(eval(parts.get(1)));
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int at = source.indexOf(delimiter); at >= 0 && !delimiter.isEmpty(); at = source.indexOf(delimiter, from)) {
            out.add(source.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(source.substring(from));
        return out;
    }

    private Object ifThenElse(Object argument) {
        List<?> parts = list(argument, "Fn::If", 3);
        return condition(scalar(parts.get(0))) ? eval(parts.get(1)) : eval(parts.get(2));
    }

    private static boolean truth(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(String.valueOf(value));
    }

    private static List<?> list(Object value, String what, int size) {
        if (!(value instanceof List<?> list) || (size >= 0 && list.size() != size)) {
            throw new UnresolvableException(what + " expects a list" + (size >= 0 ? " of " + size : "") + ", got " + value);
        }
        return list;
    }

    /** A resolved scalar as CloudFormation renders it in a string. */
    static String scalar(Object value) {
        if (value == null || value == NO_VALUE) {
            throw new UnresolvableException("a value is missing (AWS::NoValue where a string is needed)");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new UnresolvableException("expected a scalar, got " + value);
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
