package cn.fulian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        Stats s = new Stats(
                IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        assertThat(s.percentile(50)).isEqualTo(50.0);
        assertThat(s.percentile(95)).isEqualTo(95.0);
        assertThat(s.percentile(99)).isEqualTo(99.0);
        assertThat(s.percentile(100)).isEqualTo(100.0);
    }

    @Test
    void emptySampleHasNoPercentile() {
        assertThat(new Stats(List.of()).percentile(50)).isNull();
    }

    @Test
    void smallTreeHasParentsBeforeChildren() {
        OrgTree tree = new OrgTree(2, 3, 4);
        assertThat(tree.size()).isEqualTo(1 + 2 + 6 + 24);
        assertThat(tree.villages.get(0).path()).isEqualTo("350100/350102/350102201/350102201201");
        assertThat(tree.all().get(0)).isEqualTo(tree.city);
    }
}
