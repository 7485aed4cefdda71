package cn.fulian.starter.test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries every module keeps, checked on its compiled classes:
 *
 * <ul>
 *   <li>its feature packages ({@code cn.fulian.<module>.<feature>}) form no cycle;
 *   <li>a feature's {@code web} package depends on the feature, never the reverse;
 *   <li>controllers reach storage and Kafka only through the feature's services;
 *   <li>the rules of the domain ({@code *Rules}, {@code *Policy}) are plain Java, free of Spring.
 * </ul>
 */
public final class Boundaries {

    private Boundaries() {}

    /** The module's production classes (no tests) under {@code basePackage}. */
    public static JavaClasses of(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Every rule below, for the module under {@code basePackage}. */
    public static ArchRule all(String basePackage) {
        return CompositeArchRule.of(featuresFormNoCycle(basePackage))
                .and(webDependsOnItsFeatureNeverTheReverse(basePackage))
                .and(controllersUseServicesNotStorageOrKafka())
                .and(domainRulesArePlainJava());
    }

    public static ArchRule featuresFormNoCycle(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /**
     * A feature's {@code web} package ({@code <base>.<feature>.web}) may use the feature; no other class of the feature
     * may use its {@code web} package.
     */
    public static ArchRule webDependsOnItsFeatureNeverTheReverse(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .and()
                .resideOutsideOfPackage(basePackage + "..web..")
                .should(new ArchCondition<JavaClass>("not depend on their own feature's web package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String feature = featureOf(basePackage, c.getPackageName());
                        if (feature == null) {
                            return;
                        }
                        String web = basePackage + "." + feature + ".web";
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (target.equals(web) || target.startsWith(web + ".")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("the web layer is the outside of a feature: the feature never depends on it");
    }

    private static String featureOf(String basePackage, String packageName) {
        if (!packageName.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = packageName.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    public static ArchRule controllersUseServicesNotStorageOrKafka() {
        return noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat(storageOrKafka())
                .allowEmptyShould(true)
                .because("a controller translates HTTP; storage and events belong to the feature's service");
    }

    public static ArchRule domainRulesArePlainJava() {
        return noClasses()
                .that()
                .haveSimpleNameEndingWith("Rules")
                .or()
                .haveSimpleNameEndingWith("Policy")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .allowEmptyShould(true)
                .because("the rules of the domain are plain Java, tested without a container");
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> storageOrKafka() {
        return describe(
                "are repositories, MongoDB operations or Kafka types",
                c -> c.isAssignableTo("org.springframework.data.repository.Repository")
                        || c.isAssignableTo("org.springframework.data.mongodb.core.MongoOperations")
                        || c.getPackageName().startsWith("org.springframework.kafka")
                        || c.getPackageName().startsWith("org.apache.kafka")
                        || c.getPackageName().startsWith("com.mongodb"));
    }
}
