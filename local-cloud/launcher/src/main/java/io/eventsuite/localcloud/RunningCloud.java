package io.eventsuite.localcloud;

import io.eventsuite.localcloud.aws.AwsAccount;
import io.eventsuite.localcloud.faults.Faults;
import io.eventsuite.localcloud.functions.ArtifactBuilder;
import io.eventsuite.localcloud.functions.FunctionLogs;
import io.eventsuite.localcloud.functions.LocalFunctions;
import io.eventsuite.localcloud.functions.Schedules;
import io.eventsuite.localcloud.gateway.DevTokenIssuer;
import io.eventsuite.localcloud.gateway.HttpApiGateway;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.template.SamTemplate;
import io.eventsuite.localcloud.tracing.ZipkinServer;
import java.time.Duration;
import java.util.List;

/**
 * What {@link StartupSequence} started, once all of it runs.
 *
 * @param emulators the embedded emulators, {@code null} when every service runs on an endpoint of the user's
 * @param account   where each service's resources are: an embedded emulator or the user's endpoint
 * @param schedules {@code null} with {@code --no-schedules}
 * @param zipkin    {@code null} unless {@code local-cloud/run} started the trace UI
 * @param mappings  one line per SQS event source mapping, for the banner
 * @param startup   from start to serving, the build included
 * @param faults    the fault switch and what it injected so far
 */
record RunningCloud(SamTemplate template, LocalEmulators emulators, AwsAccount account, ProvisionedStack stack,
        ArtifactBuilder.Artifacts artifacts, FunctionLogs logs, LocalFunctions functions, List<String> mappings,
        Schedules schedules, DevTokenIssuer issuer, HttpApiGateway gateway, ZipkinServer zipkin, Duration startup,
        Faults faults) {
}
