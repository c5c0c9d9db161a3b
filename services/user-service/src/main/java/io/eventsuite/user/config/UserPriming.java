package io.eventsuite.user.config;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.domain.user.User;
import io.eventsuite.platform.auth.ApiScopeGrants;
import io.eventsuite.platform.snapstart.InMemoryPrimingEvent;
import io.eventsuite.platform.snapstart.PrimingRequest;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the user service primes its success paths with before a SnapStart snapshot:
 * <ul>
 *   <li>in memory, with nothing read, written or published: a user that exists nowhere, mapped to its item and back
 *       ({@code UserAdapters}) and rendered as the routes answer ({@code UserFunctions});</li>
 *   <li>each route's success, answered in memory ({@link InMemoryPrimingEvent}): the sample user registered, found,
 *       updated and erased, GetItem finding the sample user ({@code UserAdapters.sampleUserItem}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class UserPriming {

    private static final String ID = "snapstart-priming";
    private static final String EMAIL = "priming@example.invalid";

    public static User sampleUser() {
        return new User(new UserId(ID), "SnapStart Priming", new Email(EMAIL), NotificationPreferences.DEFAULT, 1,
                Instant.EPOCH, Instant.EPOCH);
    }

    /** A request of the sample user, about themself. */
    private static PrimingRequest ownRequest(String method) {
        return PrimingRequest.of(method, "/users/{id}", "/users/" + ID, ID, ApiScopeGrants.USERS_SCOPE)
                .withPathParameter("id", ID);
    }

    @Bean
    InMemoryPrimingEvent registerUserInMemory() {
        return new InMemoryPrimingEvent("registerUser", PrimingRequest.of("POST", "/users", "/users", ID,
                        ApiScopeGrants.USERS_SCOPE).withClaim("email", EMAIL).withClaim("email_verified", "true")
                .withIdempotencyKey()
                .withBody("{\"displayName\":\"SnapStart Priming\",\"email\":\"" + EMAIL + "\"}").json());
    }

    @Bean
    InMemoryPrimingEvent getUserInMemory() {
        return new InMemoryPrimingEvent("getUser", ownRequest("GET").json());
    }

    @Bean
    InMemoryPrimingEvent updateUserInMemory() {
        return new InMemoryPrimingEvent("updateUser", ownRequest("PATCH").withHeader("if-match", "\"1\"")
                .withBody("{\"displayName\":\"SnapStart Priming, updated\"}").json());
    }

    @Bean
    InMemoryPrimingEvent deleteUserInMemory() {
        return new InMemoryPrimingEvent("deleteUser", ownRequest("DELETE").json());
    }
}
