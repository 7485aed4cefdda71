package cn.fulian.starter.boundaries;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.starter.test.Boundaries;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The rules every service's {@code BoundariesTest} applies, shown failing on small packages made to break them (in
 * this package's sub-packages) and passing on one that keeps them.
 */
class BoundariesTest {

    static final String HERE = "cn.fulian.starter.boundaries";

    @Test
    void twoFeaturesThatDependOnEachOtherAreRefusedAsACycle() {
        String base = HERE + ".cyclic";
        assertThatThrownBy(() -> Boundaries.all(base).check(classes(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("feature plan")
                .hasMessageContaining("feature allocation");
    }

    @Test
    void aFeatureThatUsesItsOwnWebPackageIsRefused() {
        String base = HERE + ".webreversed";
        assertThatThrownBy(() -> Boundaries.all(base).check(classes(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not depend on their own feature's web package")
                .hasMessageContaining("PlanView");
    }

    @Test
    void featuresInOneDirectionWithAWebLayerOutsideKeepTheRules() {
        String base = HERE + ".layered";
        assertThatCode(() -> Boundaries.all(base).check(classes(base))).doesNotThrowAnyException();
    }

    @Test
    void theStarterItselfKeepsTheRules() {
        String base = "cn.fulian.starter";
        Boundaries.all(base).check(Boundaries.of(base));
    }

    private static JavaClasses classes(String base) {
        return new ClassFileImporter().importPackages(base);
    }
}
