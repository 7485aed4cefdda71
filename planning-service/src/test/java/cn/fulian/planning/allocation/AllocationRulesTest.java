package cn.fulian.planning.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.planning.plan.Direction;
import cn.fulian.planning.plan.IndicatorKind;
import cn.fulian.starter.problem.InvalidFieldException;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AllocationRulesTest {

    private static List<BigDecimal> targets(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void childrenOfAFloorMustAddUpToAtLeastTheParentsTargetAndTheMessageGivesTheNumbers() {
        assertThatCode(() -> AllocationRules.check(
                        IndicatorKind.COUNT, Direction.AT_LEAST, "个", BigDecimal.valueOf(100), targets(40, 35, 25)))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.COUNT, Direction.AT_LEAST, "个", BigDecimal.valueOf(100), targets(40, 35, 20)))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> {
                    InvalidFieldException f = (InvalidFieldException) e;
                    assertThat(f.field()).isEqualTo("allocations");
                    assertThat(f.messageZh()).isEqualTo("分解合计95个，低于下达目标100个，还差5个；如本级承担其余部分，请填写本级保留");
                });
    }

    @Test
    void childrenOfAFloorMayNotAddUpToMoreThanTheTargetAndTheMessageNamesTheExcess() {
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.COUNT,
                        Direction.AT_LEAST,
                        "场",
                        BigDecimal.valueOf(19),
                        targets(500, 500),
                        BigDecimal.ZERO))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> {
                    InvalidFieldException f = (InvalidFieldException) e;
                    assertThat(f.field()).isEqualTo("allocations");
                    assertThat(f.messageZh()).isEqualTo("分解合计1000场，超过下达目标19场，多出981场；分解不得层层加码，请核减");
                    assertThat(f.messageEn()).contains("above the target 19 by 981");
                });
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.AMOUNT,
                        Direction.AT_LEAST,
                        "万元",
                        new BigDecimal("100"),
                        List.of(new BigDecimal("60")),
                        new BigDecimal("40.01")))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e ->
                        assertThat(((InvalidFieldException) e).messageZh()).contains("（含本级保留40.01万元）", "多出0.01万元"));
    }

    @Test
    void aRetainedShareCountsTowardTheTargetOfACountOrAmount() {
        assertThatCode(() -> AllocationRules.check(
                        IndicatorKind.COUNT,
                        Direction.AT_LEAST,
                        "期",
                        BigDecimal.valueOf(25),
                        targets(9),
                        BigDecimal.valueOf(16)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.COUNT,
                        Direction.AT_LEAST,
                        "期",
                        BigDecimal.valueOf(25),
                        targets(9),
                        BigDecimal.valueOf(15)))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).messageZh())
                        .startsWith("分解合计24期（含本级保留15期），低于下达目标25期，还差1期"));
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.AMOUNT,
                        Direction.AT_MOST,
                        "万元",
                        BigDecimal.valueOf(50),
                        targets(30),
                        BigDecimal.valueOf(25)))
                .hasMessageContaining("above the ceiling 50");
    }

    @Test
    void amountsTakeAtMostTwoDecimalsAndCountsNone() {
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.AMOUNT,
                        Direction.AT_LEAST,
                        "万元",
                        new BigDecimal("8888"),
                        List.of(new BigDecimal("2962.667"), new BigDecimal("5925.333"))))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("allocations[0].target"));
        assertThatCode(() -> AllocationRules.check(
                        IndicatorKind.AMOUNT,
                        Direction.AT_LEAST,
                        "万元",
                        new BigDecimal("8888"),
                        List.of(new BigDecimal("2962.67"), new BigDecimal("5925.33"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.COUNT,
                        Direction.AT_LEAST,
                        "期",
                        BigDecimal.TEN,
                        targets(5),
                        new BigDecimal("5.5")))
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("retained"));
    }

    @Test
    void aCeilingMustNotBeExceededTogether() {
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.AMOUNT, Direction.AT_MOST, "万元", BigDecimal.valueOf(50), targets(30, 30)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("above the ceiling 50");
    }

    @Test
    void aRateIsPassedDownNotAddedUp() {
        assertThatCode(() -> AllocationRules.check(
                        IndicatorKind.RATE, Direction.AT_LEAST, "%", BigDecimal.valueOf(98), targets(98, 99, 100)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.RATE, Direction.AT_LEAST, "%", BigDecimal.valueOf(98), targets(98, 95)))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("allocations[1].target"));
    }

    @Test
    void negativeOrFractionalCountsAreRefusedNamingTheRow() {
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.COUNT, Direction.AT_LEAST, "名", BigDecimal.TEN, targets(20, -1)))
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("allocations[1].target"));
        assertThatThrownBy(() -> AllocationRules.check(
                        IndicatorKind.COUNT, Direction.AT_LEAST, "名", BigDecimal.TEN, List.of(new BigDecimal("10.5"))))
                .satisfies(
                        e -> assertThat(((InvalidFieldException) e).messageZh()).contains("整数"));
    }

    @Test
    void shortfallIsWhatAFloorStillLacks() {
        assertThat(AllocationRules.shortfall(
                        IndicatorKind.COUNT, Direction.AT_LEAST, BigDecimal.valueOf(100), BigDecimal.valueOf(80)))
                .isEqualByComparingTo("20");
        assertThat(AllocationRules.shortfall(
                        IndicatorKind.COUNT, Direction.AT_LEAST, BigDecimal.valueOf(100), BigDecimal.valueOf(120)))
                .isEqualByComparingTo("0");
        assertThat(AllocationRules.shortfall(
                        IndicatorKind.RATE, Direction.AT_LEAST, BigDecimal.valueOf(98), BigDecimal.ZERO))
                .isEqualByComparingTo("0");
    }

    /**
     * Random trees, random attempts to split each node's target among its children (some short, some over): only
     * splits the rules accept are kept. Afterwards every node with children is covered by them, and the leaves of the
     * tree together carry at least the root's target: nothing was lost on the way down.
     */
    @Property(tries = 300)
    void afterAnySequenceOfAcceptedAllocationsNoTargetIsLost(
            @ForAll("rootTargets") int rootTarget, @ForAll("shapes") List<Integer> fanOut, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        Node root = new Node(BigDecimal.valueOf(rootTarget));
        List<Node> frontier = List.of(root);
        for (int children : fanOut) {
            List<Node> next = new java.util.ArrayList<>();
            for (Node parent : frontier) {
                for (int attempt = 0; attempt < 3 && parent.children.isEmpty(); attempt++) {
                    List<BigDecimal> proposal = propose(parent.target, children, random);
                    try {
                        AllocationRules.check(IndicatorKind.COUNT, Direction.AT_LEAST, "个", parent.target, proposal);
                        proposal.forEach(t -> parent.children.add(new Node(t)));
                    } catch (InvalidFieldException refused) {
                        assertThat(proposal.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                                .isNotEqualByComparingTo(parent.target);
                    }
                }
                next.addAll(parent.children);
            }
            frontier = next;
        }
        assertCovered(root);
        assertThat(leafSum(root)).isGreaterThanOrEqualTo(BigDecimal.valueOf(rootTarget));
    }

    @Provide
    Arbitrary<Integer> rootTargets() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<List<Integer>> shapes() {
        return Arbitraries.integers().between(1, 5).list().ofMinSize(1).ofMaxSize(3);
    }

    private static List<BigDecimal> propose(BigDecimal target, int children, java.util.Random random) {
        List<BigDecimal> out = new java.util.ArrayList<>();
        int t = target.intValue();
        for (int i = 0; i < children; i++) {
            int share = t / children + (i == 0 ? t % children : 0);
            out.add(BigDecimal.valueOf(Math.max(0, share + random.nextInt(7) - 3)));
        }
        return out;
    }

    private static void assertCovered(Node node) {
        if (!node.children.isEmpty()) {
            BigDecimal sum = node.children.stream().map(c -> c.target).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isGreaterThanOrEqualTo(node.target);
            node.children.forEach(AllocationRulesTest::assertCovered);
        }
    }

    private static BigDecimal leafSum(Node node) {
        return node.children.isEmpty()
                ? node.target
                : node.children.stream().map(AllocationRulesTest::leafSum).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static final class Node {
        final BigDecimal target;
        final List<Node> children = new java.util.ArrayList<>();

        Node(BigDecimal target) {
            this.target = target;
        }
    }
}
