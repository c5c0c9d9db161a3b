package io.eventsuite.localcloud.sns;

/**
 * The policies AWS reports for a topic or subscription nobody configured. The stand-in enforces neither; they are
 * there so code that reads them finds AWS's defaults.
 */
final class DefaultPolicies {

    private DefaultPolicies() {
    }

    static String topicPolicy(String topicArn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:Publish\",\"SNS:Subscribe\",\"SNS:Receive\"],\"Resource\":\"" + topicArn
                + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + SnsApi.ACCOUNT_ID + "\"}}}]}";
    }

    static String deliveryPolicy() {
        return "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,"
                + "\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,"
                + "\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false}}";
    }
}
