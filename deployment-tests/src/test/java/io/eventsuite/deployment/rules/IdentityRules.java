package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.ref;

import io.eventsuite.deployment.template.Template;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who gets which scopes is decided by code of this project, under the same rules as every other function. */
final class IdentityRules {

    private static final Set<String> ACCESS_TOKEN_VERSIONS = Set.of("V2_0", "V3_0");
    private static final Set<String> TIERS_FOR_ACCESS_TOKENS = Set.of("ESSENTIALS", "PLUS");

    private IdentityRules() {
    }

    static RuleCheck preTokenTriggerIsAProjectFunction(Template template) {
        RuleCheck check = RuleCheck.rule("pre-token-trigger-is-a-project-function",
                "a user pool's pre token generation trigger is a function of this template invoked through its alias"
                        + " (so every function rule applies: no inline code), of event version V2_0 or V3_0 (only"
                        + " they can shape access tokens), on the Essentials or Plus feature plan those versions need");
        template.ofType("AWS::Cognito::UserPool").forEach(pool -> {
            check.require(pool.property("LambdaConfig", "PreTokenGeneration") == null, pool.id(),
                    "LambdaConfig.PreTokenGeneration is the V1_0 trigger: use PreTokenGenerationConfig");
            Object config = pool.property("LambdaConfig", "PreTokenGenerationConfig");
            if (config == null) {
                return;
            }
            Optional<String> function = ref(at(config, "LambdaArn")).filter(r -> r.endsWith(".Alias"))
                    .map(r -> r.substring(0, r.length() - ".Alias".length()));
            check.require(function.filter(f -> template.has(f, Template.SERVERLESS_FUNCTION)).isPresent(), pool.id(),
                    "PreTokenGenerationConfig.LambdaArn must be !Ref <an AWS::Serverless::Function here>.Alias");
            Object version = at(config, "LambdaVersion");
            check.require(ACCESS_TOKEN_VERSIONS.contains(String.valueOf(version)), pool.id(),
                    "PreTokenGenerationConfig.LambdaVersion must be V2_0 or V3_0 (only they shape access tokens), is "
                            + version);
            Object tier = pool.property("UserPoolTier");
            check.require(TIERS_FOR_ACCESS_TOKENS.contains(String.valueOf(tier)), pool.id(),
                    "UserPoolTier must be ESSENTIALS or PLUS for a V2_0/V3_0 trigger, is " + tier);
        });
        return check;
    }

    /** The trigger's grants (group to scopes, from the code) against the pool's groups and resource servers. */
    static RuleCheck scopeGrantsMatchThePool(Template template, Map<String, Set<String>> scopesByGroup) {
        RuleCheck check = RuleCheck.rule("scope-grants-match-the-pool",
                "every group the trigger grants scopes to is a group of the pool, and every scope it grants is"
                        + " declared by a resource server: a typo would silently lock users out");
        Set<String> groups = new LinkedHashSet<>();
        template.ofType("AWS::Cognito::UserPoolGroup").forEach(g -> groups.add(String.valueOf(g.property("GroupName"))));
        Set<String> declared = new LinkedHashSet<>();
        template.ofType("AWS::Cognito::UserPoolResourceServer").forEach(server -> list(server.property("Scopes"))
                .forEach(s -> declared.add(server.property("Identifier") + "/" + at(s, "ScopeName"))));
        scopesByGroup.forEach((group, scopes) -> {
            check.require(groups.contains(group), group,
                    "granted scopes, but no AWS::Cognito::UserPoolGroup has this GroupName");
            scopes.stream().sorted().forEach(scope -> check.require(declared.contains(scope), group,
                    "grants " + scope + ", which no UserPoolResourceServer declares"));
        });
        return check;
    }
}
