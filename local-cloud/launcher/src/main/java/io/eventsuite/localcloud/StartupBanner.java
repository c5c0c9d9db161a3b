package io.eventsuite.localcloud;

import io.eventsuite.localcloud.aws.AwsService;
import java.io.PrintStream;
import java.nio.file.Path;

/** The banner printed once the local cloud is up: where everything is, and how to get a token and call it. */
final class StartupBanner {

    private StartupBanner() {
    }

    static void print(PrintStream out, RunningCloud cloud, LocalCloud.Options options) {
        String api = cloud.gateway().endpoint().toString();
        out.println();
        out.printf("eventsuite local cloud is up in %.1f s (build %.1f s), region %s%s%n",
                cloud.startup().toMillis() / 1000.0, cloud.artifacts().took().toMillis() / 1000.0, options.region(),
                options.aws().any() ? "" : ", any AWS credentials work");
        out.println();
        out.println("HTTP API         " + api + "   (payload 2.0, JWT authorizer trusting the local dev issuer)");
        for (var route : cloud.gateway().routes().routes()) {
            out.printf("  %-7s %-24s -> %-34s %s%n", route.method(), route.path(), route.functionId(),
                    route.authorizer() == null ? "(open)" : route.scopes());
        }
        out.println("Token (local only, loopback, not in AWS):");
        out.println("  curl -s -X POST " + api + "/local/token -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"sub\":\"alice\",\"email\":\"alice@example.com\",\"groups\":[\"admin\"]}'");
        out.println("  issuer " + cloud.issuer().issuer() + ", keys " + api + "/local/jwks.json, audience "
                + cloud.issuer().clientId());
        out.println("Invoke any function: curl -s -X POST " + api + "/local/invoke/<LogicalId> -d '<event json>'");
        out.println("The API's OpenAPI description: " + api + "/local/openapi.yaml");
        out.println();
        out.println("AWS services" + (options.aws().namePrefix().isEmpty() ? ""
                : " (names prefixed " + options.aws().namePrefix() + ")") + (options.aws().any()
                ? "; what the local cloud creates on your endpoints is deleted when it stops" : ""));
        for (AwsService service : AwsService.values()) {
            out.printf("  %-9s %-19s %s%n", service.displayName(), options.aws().isExternal(service) ? "(yours)"
                    : "(" + service.emulator() + ")", cloud.account().endpoint(service));
        }
        out.println("Tables     " + String.join(", ", cloud.stack().tableNames().values()));
        cloud.stack().topicArns().forEach((id, arn) -> out.println("Topic      " + arn));
        out.println("Queues");
        cloud.template().queues().forEach(q -> out.printf("  %-44s %s%n", q.queueName(),
                cloud.stack().queueUrl(q.logicalId())));
        out.printf("Functions: up to %d execution environments each (ReservedConcurrentExecutions where the template "
                + "sets it), init timeout %d s, idle ones stopped after %d min%n", options.maxConcurrency(),
                options.initTimeout().toSeconds(),
                io.eventsuite.localcloud.runtime.lambda.EnvironmentPool.Scaling.DEFAULT_IDLE_TIMEOUT.toMinutes());
        if (options.faults().isOn()) {
            out.println("FAULTS ON: " + options.faults().describe() + "; each injected fault is logged as [fault] "
                    + "<kind>, counts at GET " + api + "/local/faults");
        }
        out.println("Event source mappings");
        cloud.mappings().forEach(m -> out.println("  " + m));
        if (cloud.schedules() != null) {
            out.println("Schedules");
            cloud.schedules().running().forEach(s -> out.println("  " + s.schedule().functionId() + " "
                    + s.schedule().expression()));
        }
        out.println("Captured emails (the local SES): queue " + cloud.stack().capturedEmailQueueUrl());
        out.println("  curl -s " + cloud.account().endpoint(AwsService.SQS)
                + " -H 'Content-Type: application/x-amz-json-1.0' \\");
        out.println("       -H 'X-Amz-Target: AmazonSQS.ReceiveMessage' \\");
        out.println("       -d '{\"QueueUrl\":\"" + cloud.stack().capturedEmailQueueUrl()
                + "\",\"MaxNumberOfMessages\":10}'");
        out.println("sam local start-api --docker-network host --port 3001 --env-vars "
                + display(options, options.envJson()));
        if (cloud.zipkin() != null) {
            out.println("Traces (Zipkin)  " + cloud.zipkin().ui() + "   each [http] line names its trace: "
                    + cloud.zipkin().ui() + "traces/<traceId>");
        }
        out.println("Function logs are printed below, each line prefixed with [FunctionLogicalId]. Ctrl-C stops all.");
        out.println();
    }

    private static String display(LocalCloud.Options options, Path path) {
        Path relative = options.projectDir().relativize(path);
        return relative.startsWith("..") ? path.toString() : relative.toString();
    }
}
