package io.eventsuite.localcloud.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the fault switch's setting")
class FaultPlanTest {

    @Test
    void reads_each_kind_with_its_rate() {
        FaultPlan plan = FaultPlan.parse("sns:0.1,dynamodb:0.05,crash:0.02,duplicate:0.1");

        assertThat(plan.rate(FaultKind.SNS)).isEqualTo(0.1);
        assertThat(plan.rate(FaultKind.DYNAMODB)).isEqualTo(0.05);
        assertThat(plan.rate(FaultKind.CRASH)).isEqualTo(0.02);
        assertThat(plan.rate(FaultKind.DUPLICATE)).isEqualTo(0.1);
        assertThat(plan.isOn()).isTrue();
        assertThat(plan.describe()).isEqualTo("sns 10%, dynamodb 5%, crash 2%, duplicate 10%");
    }

    @Test
    void is_off_by_default_and_a_kind_left_out_is_never_injected() {
        assertThat(FaultPlan.none().isOn()).isFalse();
        assertThat(FaultPlan.parse("crash:0.5").rate(FaultKind.SNS)).isZero();
        assertThat(FaultPlan.parse("crash:0").isOn()).isFalse();
    }

    @Test
    void an_unknown_fault_is_refused_naming_it_and_the_known_ones() {
        assertThatThrownBy(() -> FaultPlan.parse("sns:0.1,latency:0.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fault \"latency\"")
                .hasMessageContaining("sns, dynamodb, crash, duplicate");
    }

    @Test
    void a_rate_outside_zero_to_one_or_not_a_number_is_refused() {
        assertThatThrownBy(() -> FaultPlan.parse("sns:1.5")).hasMessageContaining("between 0 and 1, got 1.5");
        assertThatThrownBy(() -> FaultPlan.parse("crash:-0.1")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FaultPlan.parse("dynamodb:NaN")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FaultPlan.parse("dynamodb:often")).hasMessageContaining("got \"often\"");
        assertThatThrownBy(() -> FaultPlan.parse("duplicate")).hasMessageContaining("needs a rate");
        assertThatThrownBy(() -> FaultPlan.parse("sns:0.1,sns:0.2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> FaultPlan.parse("")).hasMessageContaining("kind:rate");
    }
}
