package io.eventsuite.user.identity;

import io.eventsuite.platform.auth.ApiScopeGrants;
import io.eventsuite.platform.auth.PreTokenGeneration;
import io.eventsuite.platform.auth.PreTokenGenerationFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The user pool's trigger: it lives with the users because it decides what a user's access token carries. */
@Configuration(proxyBeanMethods = false)
public class IdentityFunctions {

    /** Cognito pre token generation (V2): API scopes by group, the verified email into access tokens. */
    @Bean
    PreTokenGenerationFunction preTokenGeneration() {
        return new PreTokenGeneration(ApiScopeGrants.EVENTSUITE).function();
    }
}
