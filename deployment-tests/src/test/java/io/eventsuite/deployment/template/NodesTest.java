package io.eventsuite.deployment.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.template.CfnYaml;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The references a rule follows, found through every intrinsic of a template read by {@link CfnYaml}. */
class NodesTest {

    @Test
    void aSubWithVariablesKeepsItsListForm() {
        Map<String, Object> doc = CfnYaml.parse("""
                A: !Sub
                  - arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}
                  - Domain: !Ref Domain
                """);

        assertThat(Nodes.references(doc.get("A"))).containsExactly("Domain");
    }

    @Test
    void referencesAreFoundThroughEveryIntrinsic() {
        Map<String, Object> doc = CfnYaml.parse("""
                A:
                  - !GetAtt UsersTable.Arn
                  - !Sub ${OrdersTable.Arn}/index/pending-events
                  - {TableName: !Ref IdempotencyTable}
                  - !Sub arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:name
                """);

        assertThat(Nodes.references(doc.get("A"))).containsExactly("UsersTable", "OrdersTable", "IdempotencyTable");
    }
}
