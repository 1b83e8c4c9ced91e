package dev.orion.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of docs/architecture.md over the classes of all four code modules (ejb-module, batch-jobs, the API
 * and the console WARs), so a rule broken in any of them fails the build. Nothing is frozen: a violation is
 * fixed, not recorded.
 */
@AnalyzeClasses(packages = "dev.orion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The business capabilities and operations, the one capability allowed to use several others. */
    static final List<String> CAPABILITIES = List.of("catalog", "orders", "vendors", "billing", "notifications", "events",
            "reporting", "identity", "operations");

    /** The kernel every capability uses; it knows no business. */
    static final String KERNEL = "platform";

    /** Composition: seeds demo data through the capabilities' application services; not a capability. */
    static final String DEMO = "demo";

    @ArchTest
    static final ArchRule everyClassLivesInACapabilityOrTheKernel = classes()
            .should().resideInAnyPackage(packagesOf(concat(CAPABILITIES, List.of(KERNEL, DEMO))))
            .because("a reader finds code by the business capability it serves");

    @ArchTest
    static final ArchRule kernelKnowsNoCapability = noClasses().that().resideInAPackage("dev.orion." + KERNEL + "..")
            .should().dependOnClassesThat().resideInAnyPackage(packagesOf(concat(CAPABILITIES, List.of(DEMO))))
            .because("the kernel is infrastructure every capability uses: a business type there is in the wrong"
                    + " place (pass an interface or a CDI event, or move the code)");

    @ArchTest
    static final ArchRule capabilitiesMeetOnlyThroughApplicationPackages = classes()
            .that().resideInAnyPackage(packagesOf(CAPABILITIES))
            .should(useOtherCapabilitiesOnlyThroughTheirApplicationPackage())
            .because("another capability's domain, infrastructure, REST and console code are its own to change");

    @ArchTest
    static final ArchRule demoDataUsesOnlyApplicationAndDomainPackages = noClasses()
            .that().resideInAPackage("dev.orion." + DEMO + "..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orion..infrastructure..", "dev.orion..rest..",
                    "dev.orion..console..", "dev.orion..batch..")
            .because("demo data is composed from the capabilities' services and entities (it seeds fixed dates and"
                    + " secrets in one transaction, which is why it may build entities), never from their adapters");

    @ArchTest
    static final ArchRule noCyclesBetweenCapabilities = slices().matching("dev.orion.(*)..")
            .should().beFreeOfCycles()
            .because("capabilities and the kernel depend on each other one way only");

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("dev.orion..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..", "jakarta.batch..",
                    "jakarta.ejb..", "jakarta.jms..", "jakarta.servlet..", "org.primefaces..")
            .because("entities and value objects hold business rules, not transport or runtime plumbing");

    @ArchTest
    static final ArchRule domainDoesNotCallServices = noClasses().that().resideInAPackage("dev.orion..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orion..application..", "dev.orion..infrastructure..")
            .because("the domain is the innermost layer");

    /** A package split over two jars is two packages that look like one: which jar's class loader wins depends on the deployment. */
    @ArchTest
    static void noPackageSpansTwoModules(JavaClasses classes) {
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        for (JavaClass type : classes) {
            type.getSource().ifPresent(source -> {
                String uri = source.getUri().toString();
                String module = uri.substring(0, uri.indexOf(type.getPackageName().replace('.', '/')));
                modulesByPackage.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(module);
            });
        }
        modulesByPackage.values().removeIf(modules -> modules.size() == 1);
        assertEquals(Map.of(), modulesByPackage, "packages whose classes come from more than one module");
    }

    private static ArchCondition<JavaClass> useOtherCapabilitiesOnlyThroughTheirApplicationPackage() {
        return new ArchCondition<>("use other capabilities only through their application package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = topPackage(item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    String other = topPackage(target);
                    if (CAPABILITIES.contains(other) && !other.equals(own)
                            && !target.startsWith("dev.orion." + other + ".application")) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String topPackage(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 && parts[0].equals("dev") && parts[1].equals("orion") ? parts[2] : "";
    }

    private static String[] packagesOf(List<String> names) {
        return names.stream().map(name -> "dev.orion." + name + "..").toArray(String[]::new);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
