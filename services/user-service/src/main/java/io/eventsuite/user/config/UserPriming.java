package io.eventsuite.user.config;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.domain.user.User;
import java.time.Instant;

/**
 * What the user service primes its success paths with before a SnapStart snapshot, in memory (the priming events stop
 * at a refusal or a 404): a user that exists nowhere, mapped to its item and back ({@code UserAdapters}) and rendered
 * as the routes answer ({@code UserFunctions}). Nothing is read, written or published.
 */
public final class UserPriming {

    private UserPriming() {
    }

    public static User sampleUser() {
        return new User(new UserId("snapstart-priming"), "SnapStart Priming", new Email("priming@example.invalid"),
                NotificationPreferences.DEFAULT, 1, Instant.EPOCH, Instant.EPOCH);
    }
}
