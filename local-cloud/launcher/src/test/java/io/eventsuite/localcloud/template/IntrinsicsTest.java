package io.eventsuite.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("short-form tags and intrinsic functions")
class IntrinsicsTest {

    private final Intrinsics.References refs = new Intrinsics.References() {
        @Override
        public Object ref(String logicalId) {
            return "ref:" + logicalId;
        }

        @Override
        public Object getAtt(String logicalId, String attribute) {
            return "att:" + logicalId + "." + attribute;
        }
    };

    private Map<String, Object> yaml(String text) {
        return CfnYaml.parse(text);
    }

    @Test
    void short_form_tags_become_the_long_form() {
        Map<String, Object> doc = yaml("""
                a: !Ref Table
                b: !GetAtt Queue.Arn
                c: !Sub '${X}-y'
                d: !If [IsProd, 1, !Ref AWS::NoValue]
                e: !Select [1, !Split ["@", !Ref SenderAddress]]
                f: 2010-09-09
                """);
        assertThat(doc.get("a")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(doc.get("b")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
        assertThat(doc.get("c")).isEqualTo(Map.of("Fn::Sub", "${X}-y"));
        assertThat(doc.get("d")).isEqualTo(Map.of("Fn::If", List.of("IsProd", 1, Map.of("Ref", "AWS::NoValue"))));
        assertThat(doc.get("f")).isEqualTo("2010-09-09");
    }

    @Test
    void intrinsics_evaluate_against_parameters_conditions_and_references() {
        Map<String, Object> conditions = yaml("""
                IsProd: !Equals [!Ref Stage, prod]
                NotProd: !Not [!Condition IsProd]
                """);
        Intrinsics intrinsics = new Intrinsics(Map.of("Stage", "dev", "SenderAddress", "a@example.com"),
                Map.of("AWS::Region", "eu-west-1"), conditions, refs);
        Map<String, Object> doc = yaml("""
                sub: !Sub 'arn:${AWS::Region}:${Queue.Arn}:${Table}:${!Literal}'
                subList: !Sub ['${Domain}/x', {Domain: !Select [1, !Split ["@", !Ref SenderAddress]]}]
                join: !Join [",", [a, !Ref Stage]]
                ifProd: !If [IsProd, 1, 2]
                notProd: !Condition NotProd
                list: [a, !If [IsProd, b, !Ref AWS::NoValue], c]
                """);
        Map<?, ?> resolved = (Map<?, ?>) intrinsics.resolve(doc);
        assertThat(resolved.get("sub")).isEqualTo("arn:eu-west-1:att:Queue.Arn:ref:Table:${Literal}");
        assertThat(resolved.get("subList")).isEqualTo("example.com/x");
        assertThat(resolved.get("join")).isEqualTo("a,dev");
        assertThat(resolved.get("ifProd")).isEqualTo(2);
        assertThat(resolved.get("notProd")).isEqualTo(true);
        assertThat(resolved.get("list")).isEqualTo(List.of("a", "c"));
    }

    @Test
    void globals_merge_like_sam() {
        Object merged = SamTemplate.merge(
                yaml("{Timeout: 15, Environment: {Variables: {A: '1', B: '2'}}, Layers: [!Ref L]}"),
                yaml("{Timeout: 30, Environment: {Variables: {B: '3'}}}"));
        assertThat(merged).isEqualTo(yaml("{Timeout: 30, Environment: {Variables: {A: '1', B: '3'}}, Layers: [!Ref L]}"));
    }
}
