package io.eventsuite.localcloud.sns.filter;

import java.util.List;

/**
 * Where a policy's keys are looked up: the message attributes ({@link AttributeValues}) or the message body
 * ({@link BodyValues}), by the policy's scope.
 */
interface MessageValues {

    /** What the message holds under a policy key; the path has one element except in nested body policies. */
    Values at(List<String> path);
}
