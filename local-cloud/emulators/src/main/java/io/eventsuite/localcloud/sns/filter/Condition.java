package io.eventsuite.localcloud.sns.filter;

import java.util.List;

/** One key of a policy (a path into the message) and its rules, any of which may match (OR within a key). */
record Condition(List<String> path, List<Matcher> matchers) {

    boolean holdsIn(MessageValues message) {
        return test(message.at(path));
    }

    boolean test(Values values) {
        for (Matcher matcher : matchers) {
            if (matcher instanceof Exists exists) {
                if (exists.testPresence(values.present())) {
                    return true;
                }
            } else {
                // an absent key has no values, so nothing but {"exists": false} can match it
                for (Leaf leaf : values.leaves()) {
                    if (matcher.test(leaf)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
