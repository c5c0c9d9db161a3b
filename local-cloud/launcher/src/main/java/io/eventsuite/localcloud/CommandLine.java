package io.eventsuite.localcloud;

import io.eventsuite.localcloud.aws.AwsService;
import io.eventsuite.localcloud.aws.ExternalAws;
import io.eventsuite.localcloud.aws.UserAws;
import io.eventsuite.localcloud.faults.FaultPlan;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The launcher's arguments, as {@link LocalCloud.Options}; a wrong one is an {@link IllegalArgumentException}. */
final class CommandLine {

    static final String USAGE = "Usage: LocalCloud [--project-dir=.] [--template=template.yaml] [--port=3000] "
            + "[--sqs-port=9324] [--sns-port=9911] [--dynamodb-port=4567] [--region=us-east-1] "
            + "[--parameter Name=Value]... [--no-build] [--no-schedules] [--quiet-functions] "
            + "[--env-json=local-cloud/env.json] [--work-dir=target/local-cloud] [--max-concurrency=4] "
            + "[--init-timeout=10 (seconds)] [--faults=sns:0.1,dynamodb:0.05,crash:0.02,duplicate:0.1 (off by default)] "
            + "[--aws-endpoint=URL (LocalStack, moto, any AWS-compatible endpoint instead of the embedded emulators)] "
            + "[--dynamodb-endpoint=URL] [--sns-endpoint=URL] [--sqs-endpoint=URL] [--name-prefix=PREFIX]";

    private CommandLine() {
    }

    static LocalCloud.Options parse(String[] args) {
        Path projectDir = Path.of("").toAbsolutePath();
        Path template = null;
        Path workDir = null;
        Path envJson = null;
        String region = null;
        int port = 3000;
        int sqsPort = 9324;
        int snsPort = 9911;
        int dynamodbPort = 4567;
        boolean build = true;
        boolean schedules = true;
        boolean printLogs = true;
        int maxConcurrency = LocalCloud.Options.DEFAULT_MAX_CONCURRENCY;
        FaultPlan faults = null;
        java.time.Duration initTimeout = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        URI awsEndpoint = null;
        Map<AwsService, URI> serviceEndpoints = new EnumMap<>(AwsService.class);
        String namePrefix = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String[] kv = arg.split("=", 2);
            String value = kv.length == 2 ? kv[1] : null;
            switch (kv[0]) {
                case "--project-dir" -> projectDir = Path.of(required(arg, value));
                case "--template" -> template = Path.of(required(arg, value));
                case "--work-dir" -> workDir = Path.of(required(arg, value));
                case "--env-json" -> envJson = Path.of(required(arg, value));
                case "--region" -> region = required(arg, value);
                case "--port" -> port = Integer.parseInt(required(arg, value));
                case "--sqs-port" -> sqsPort = Integer.parseInt(required(arg, value));
                case "--sns-port" -> snsPort = Integer.parseInt(required(arg, value));
                case "--dynamodb-port" -> dynamodbPort = Integer.parseInt(required(arg, value));
                case "--max-concurrency" -> maxConcurrency = positive(kv[0], required(arg, value));
                case "--init-timeout" -> initTimeout = java.time.Duration.ofSeconds(positive(kv[0], required(arg, value)));
                case "--faults" -> faults = FaultPlan.parse(value);
                case "--aws-endpoint" -> awsEndpoint = endpoint(arg, required(arg, value));
                case "--dynamodb-endpoint" -> serviceEndpoints.put(AwsService.DYNAMODB, endpoint(arg, required(arg, value)));
                case "--sns-endpoint" -> serviceEndpoints.put(AwsService.SNS, endpoint(arg, required(arg, value)));
                case "--sqs-endpoint" -> serviceEndpoints.put(AwsService.SQS, endpoint(arg, required(arg, value)));
                case "--name-prefix" -> namePrefix = required(arg, value);
                case "--no-build" -> build = false;
                case "--no-schedules" -> schedules = false;
                case "--quiet-functions" -> printLogs = false;
                case "--parameter" -> {
                    // Both --parameter=Name=Value and --parameter Name=Value, as sam's --parameter-overrides.
                    String assignment = value != null ? value : i + 1 < args.length ? args[++i] : null;
                    String[] nv = required(arg, assignment).split("=", 2);
                    if (nv.length != 2) {
                        throw new IllegalArgumentException("--parameter takes Name=Value, got " + assignment);
                    }
                    parameters.put(nv[0], nv[1]);
                }
                default -> throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        if (!Files.isRegularFile(template == null ? projectDir.resolve("template.yaml") : template)) {
            throw new IllegalArgumentException("No template.yaml in " + projectDir + ": run from the project root or "
                    + "give --project-dir / --template");
        }
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        if (awsEndpoint != null) {
            for (AwsService service : AwsService.values()) {
                endpoints.put(service, awsEndpoint);
            }
        }
        endpoints.putAll(serviceEndpoints);
        ExternalAws aws = new ExternalAws(endpoints, namePrefix);
        if (region == null && aws.any()) {
            region = UserAws.region().orElse(null);
        }
        return new LocalCloud.Options(projectDir, template, region, port, sqsPort, snsPort, dynamodbPort, workDir,
                envJson, build, schedules, printLogs, parameters, System.out, maxConcurrency, initTimeout, faults, aws);
    }

    /** An http(s) URL with a host, such as {@code http://localhost:4566}. */
    private static URI endpoint(String arg, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // answered below
        }
        throw new IllegalArgumentException(arg.split("=", 2)[0] + " takes an http(s) URL such as http://localhost:4566, "
                + "got " + value);
    }

    private static int positive(String arg, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new IllegalArgumentException(arg + " takes a whole number of at least 1, got " + value);
    }

    private static String required(String arg, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return value;
    }
}
