package io.eventsuite.integration.contract;

import io.eventsuite.localcloud.LocalEmulators;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** The adapter contract against the Docker-free emulators: dynalite, ElasticMQ and the SNS stand-in. */
@DisplayName("AWS adapter contract on the local emulators")
class AwsAdapterContractOnEmulatorsTest extends AwsAdapterContract {

    private static LocalEmulators emulators;

    @BeforeAll
    static void start() {
        emulators = LocalEmulators.start();
    }

    @AfterAll
    static void stop() {
        emulators.close();
    }

    @Override
    protected URI endpoint(String service) {
        return switch (service) {
            case "dynamodb" -> emulators.dynamodb().endpoint();
            case "sns" -> emulators.sns().endpoint();
            case "sqs" -> emulators.sqs().endpoint();
            default -> throw new IllegalArgumentException(service);
        };
    }

    @Override
    protected String region() {
        return emulators.region();
    }
}
