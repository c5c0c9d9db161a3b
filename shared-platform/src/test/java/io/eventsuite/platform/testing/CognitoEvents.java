package io.eventsuite.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Cognito's pre token generation event, version 2 ({@code V2_0}), in the shape the user pool sends it:
 * the user's attributes as strings, the groups in {@code groupConfiguration}, the scopes the client asked for,
 * and an empty {@code response} for the trigger to fill in.
 */
public final class CognitoEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> attributes = new LinkedHashMap<>();
    private List<String> groups = List.of();
    private List<String> scopes = List.of("aws.cognito.signin.user.admin");
    private String triggerSource = "TokenGeneration_Authentication";

    private CognitoEvents(String sub) {
        attributes.put("sub", sub);
        attributes.put("cognito:user_status", "CONFIRMED");
    }

    /** A password sign-in ({@code InitiateAuth}) of the user {@code sub}, in no group, with no email yet. */
    public static CognitoEvents preTokenGenerationV2(String sub) {
        return new CognitoEvents(sub);
    }

    public CognitoEvents groups(String... names) {
        this.groups = List.of(names);
        return this;
    }

    /** The {@code email} and {@code email_verified} user attributes (Cognito sends "true" or "false"). */
    public CognitoEvents email(String email, boolean verified) {
        attributes.put("email", email);
        attributes.put("email_verified", Boolean.toString(verified));
        return this;
    }

    /** The scopes the client asked for, as in a sign-in through the hosted UI's code flow. */
    public CognitoEvents scopes(String... requested) {
        this.scopes = List.of(requested);
        this.triggerSource = "TokenGeneration_HostedAuth";
        return this;
    }

    public String toJson() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2");
        event.put("triggerSource", triggerSource);
        event.put("region", "eu-west-1");
        event.put("userPoolId", "eu-west-1_EXAMPLE");
        event.put("userName", attributes.get("sub"));
        ObjectNode caller = event.putObject("callerContext");
        caller.put("awsSdkVersion", "aws-sdk-unknown-unknown");
        caller.put("clientId", "3n4b5urk1ft4fl3mg5e62d9ado");
        ObjectNode request = event.putObject("request");
        request.set("userAttributes", JSON.valueToTree(attributes));
        ObjectNode groupConfiguration = request.putObject("groupConfiguration");
        groupConfiguration.set("groupsToOverride", JSON.valueToTree(groups));
        groupConfiguration.set("iamRolesToOverride", JSON.createArrayNode());
        groupConfiguration.putNull("preferredRole");
        request.set("scopes", JSON.valueToTree(scopes));
        event.putObject("response");
        return JSON.writeValueAsString(event);
    }
}
