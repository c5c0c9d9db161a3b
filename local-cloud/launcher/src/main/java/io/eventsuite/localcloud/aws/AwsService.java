package io.eventsuite.localcloud.aws;

/** The AWS services the suite uses, each with its embedded emulator and the option that points it elsewhere. */
public enum AwsService {

    DYNAMODB("DynamoDB", "dynalite", "--dynamodb-endpoint"),
    SNS("SNS", "the SNS stand-in", "--sns-endpoint"),
    SQS("SQS", "ElasticMQ", "--sqs-endpoint");

    private final String displayName;
    private final String emulator;
    private final String option;

    AwsService(String displayName, String emulator, String option) {
        this.displayName = displayName;
        this.emulator = emulator;
        this.option = option;
    }

    public String displayName() {
        return displayName;
    }

    /** The embedded emulator that stands in for the service when no endpoint is given. */
    public String emulator() {
        return emulator;
    }

    /** The launcher option that points this service at an endpoint of the user's. */
    public String option() {
        return option;
    }
}
