package io.eventsuite.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project's one template reader, as the local cloud and the deployment's rule tests use it. */
class CfnYamlTest {

    @Test
    void shortFormTagsBecomeTheirLongForm() {
        Map<String, Object> doc = CfnYaml.parse("""
                A: !Ref Table
                B: !GetAtt Queue.Arn
                C: !Sub ${Table.Arn}/index/by-customer
                D: !If [IsProd, 1, !Ref AWS::NoValue]
                E: !Select [1, !Split ["@", !Ref SenderAddress]]
                F: !Not [!Equals [!Ref AlarmTopicArn, ""]]
                """);

        assertThat(doc.get("A")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(doc.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
        assertThat(doc.get("C")).isEqualTo(Map.of("Fn::Sub", "${Table.Arn}/index/by-customer"));
        assertThat(doc.get("D")).isEqualTo(Map.of("Fn::If", List.of("IsProd", 1, Map.of("Ref", "AWS::NoValue"))));
        assertThat(doc.get("E")).isEqualTo(Map.of("Fn::Select",
                List.of(1, Map.of("Fn::Split", List.of("@", Map.of("Ref", "SenderAddress"))))));
        assertThat(doc.get("F")).isEqualTo(Map.of("Fn::Not",
                List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmTopicArn"), "")))));
    }

    @Test
    void aKeyWrittenTwiceIsRefused() {
        assertThatThrownBy(() -> CfnYaml.parse("""
                Resources:
                  A: {Type: AWS::SNS::Topic}
                  A: {Type: AWS::SQS::Queue}
                """)).hasMessageContaining("found duplicate key A");
    }
}
