package io.eventsuite.integration.contract;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * The same adapter contract against LocalStack, pinned to 4.12.0 (later images need an auth token). Runs
 * where a Docker engine is available; elsewhere JUnit reports it as skipped ("disabled without Docker").
 */
@DisplayName("AWS adapter contract on LocalStack 4.12.0 (needs Docker)")
@Testcontainers(disabledWithoutDocker = true)
class AwsAdapterContractOnLocalStackTest extends AwsAdapterContract {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4.12.0")
            .withServices("dynamodb", "sns", "sqs");

    @Override
    protected URI endpoint(String service) {
        return LOCALSTACK.getEndpoint();
    }

    @Override
    protected String region() {
        return LOCALSTACK.getRegion();
    }
}
