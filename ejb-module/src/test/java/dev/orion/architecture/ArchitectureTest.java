package dev.orion.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.Dependency;

/** Keeps the layering visible in the package names true. */
@AnalyzeClasses(packages = "dev.orion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CAPABILITIES = {"catalog", "orders", "vendors", "billing", "notifications", "reporting", "identity", "platform"};

    @ArchTest
    static final ArchRule domainKnowsNoInterfaces = noClasses().that().resideInAPackage("dev.orion..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..", "jakarta.batch..",
                    "jakarta.ejb..", "jakarta.jms..", "jakarta.servlet..", "org.primefaces..")
            .because("entities and value objects hold business rules, not transport or runtime plumbing");

    @ArchTest
    static final ArchRule domainDoesNotCallServices = noClasses().that().resideInAPackage("dev.orion..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orion..application..", "dev.orion..infrastructure..")
            .because("the domain is the innermost layer");

    @ArchTest
    static final ArchRule capabilitiesStayOutOfEachOthersInfrastructure = noClasses().should(
            new ArchCondition<JavaClass>("reach into another capability's infrastructure package") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String own = capability(item.getPackageName());
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        String target = dependency.getTargetClass().getPackageName();
                        if (target.contains(".infrastructure") && !own.equals(capability(target))) {
                            events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule everyClassLivesInACapability = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .should().resideInAnyPackage(java.util.stream.Stream.concat(java.util.Arrays.stream(CAPABILITIES).map(c -> "dev.orion." + c + ".."),
                    java.util.stream.Stream.of("dev.orion.demo..")).toArray(String[]::new))
            .because("a reader finds code by the business capability it serves (demo data composes them all, so it is none)");

    private static String capability(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
