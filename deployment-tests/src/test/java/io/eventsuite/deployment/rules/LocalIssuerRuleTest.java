package io.eventsuite.deployment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.deployment.template.Template;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("sam local's token check is never set by the template")
class LocalIssuerRuleTest {

    @Test
    @DisplayName("the template never sets eventsuite.local-auth.* (only env.json does, for sam local)")
    void theProjectTemplateNeverNamesTheLocalIssuer() {
        LocalIssuerRules.templateNeverNamesTheLocalIssuer(Template.project()).assertPassed();
    }

    @Test
    void aPropertyInJavaToolOptionsOrAVariableInAnySpellingIsCaught() {
        Template broken = Template.of("""
                Globals:
                  Function:
                    Environment:
                      Variables:
                        JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1 -Deventsuite.local-auth.jwks-uri=https://evil/jwks.json
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          EVENTSUITE_LOCALAUTH_ISSUER: https://evil
                """);

        assertThat(LocalIssuerRules.templateNeverNamesTheLocalIssuer(broken).violations()).containsExactly(
                "Globals.Function.Environment.Variables.JAVA_TOOL_OPTIONS: sets eventsuite.local-auth.*",
                "Resources.Fn.Properties.Environment.Variables.EVENTSUITE_LOCALAUTH_ISSUER: names eventsuite.local-auth.*");
    }
}
