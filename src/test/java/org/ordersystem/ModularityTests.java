package org.ordersystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.core.NamedInterfaces;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of the house style: each business module depends only on the modules
 * and the {@code system} named interfaces it declares, {@code system} knows no business
 * module, and each concern of {@code system} is one named interface. Documents the result
 * under {@code docs/modules}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(OrderBackendApplication.class);
    static final Set<String> SYSTEM_CONCERNS = Set.of("problem", "web", "config", "data", "cache", "openapi");

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void eachSubPackageOfSystemIsANamedInterfaceByItsNameAndSystemExposesNothingElse() {
        ApplicationModule system = system();
        NamedInterfaces interfaces = system.getNamedInterfaces();

        assertThat(system.getBasePackage().getDirectSubPackages()).extracting(JavaPackage::getLocalName)
                .containsExactlyInAnyOrderElementsOf(SYSTEM_CONCERNS);
        for (JavaPackage concern : system.getBasePackage().getDirectSubPackages()) {
            assertThat(interfaces.getByName(concern.getLocalName())).as(concern.getName()).hasValueSatisfying(
                    named -> assertThat(named.asJavaClasses().toList())
                            .containsExactlyInAnyOrderElementsOf(concern.getExposedClasses()));
        }
        assertThat(interfaces.stream().filter(NamedInterface::isNamed).map(NamedInterface::getName))
                .containsExactlyInAnyOrderElementsOf(SYSTEM_CONCERNS);
        assertThat(interfaces.getUnnamedInterface().asJavaClasses()).as("public types of system outside its concerns")
                .isEmpty();
    }

    /** verify() finds a use that is not declared; this also finds a declaration nothing uses any more. */
    @Test
    void eachModuleDeclaresExactlyTheSystemInterfacesItUses() {
        ApplicationModule system = system();
        Map<String, Set<String>> declared = new TreeMap<>();
        Map<String, Set<String>> used = new TreeMap<>();
        MODULES.stream().filter(module -> !module.equals(system)).forEach(module -> {
            declared.put(module.getName(), module.getAllowedDependencies(MODULES).stream()
                    .filter(allowed -> allowed.getTargetModule().equals(system))
                    .map(allowed -> allowed.getTargetNamedInterface().getName())
                    .collect(Collectors.toCollection(TreeSet::new)));
            used.put(module.getName(), module.getDirectDependencies(MODULES).stream()
                    .filter(dependency -> dependency.getTargetModule().equals(system))
                    .map(ApplicationModuleDependency::getTargetType)
                    .flatMap(type -> system.getNamedInterfaces().getNamedInterfacesContaining(type))
                    .filter(NamedInterface::isNamed).map(NamedInterface::getName)
                    .collect(Collectors.toCollection(TreeSet::new)));
        });

        assertThat(used).isEqualTo(declared);
    }

    /**
     * The relationships (diagrams) and the lists of the canvases (events, beans) come out in an
     * order that varies from run to run; they are sorted, so the committed files change only
     * when the structure does.
     */
    @Test
    void writesTheModuleDiagramsAndCanvasesUnderDocs() throws IOException {
        Path folder = Path.of("docs", "modules");

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        try (Stream<Path> diagrams = Files.list(folder)) {
            for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, withSortedRelationships(Files.readAllLines(diagram)));
            }
        }
        try (Stream<Path> canvases = Files.list(folder)) {
            for (Path canvas : canvases.filter(file -> file.getFileName().toString().startsWith("module-")
                    && file.toString().endsWith(".adoc")).toList()) {
                Files.write(canvas, withSortedLists(Files.readAllLines(canvas)));
            }
        }

        String overview = Files.readString(folder.resolve("components.puml"));
        MODULES.forEach(module -> assertThat(overview).contains(module.getDisplayName()));
        MODULES.forEach(module -> assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc")).exists());
    }

    private static List<String> withSortedRelationships(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            while (end < sorted.size() && sorted.get(end).startsWith("Rel(")) {
                end++;
            }
            Collections.sort(sorted.subList(start, end));
            start = end + 1;
        }
        return sorted;
    }

    /** A canvas cell's list is a line "|* first" followed by lines "* next". */
    private static List<String> withSortedLists(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        for (int start = 0; start < sorted.size(); start++) {
            if (!sorted.get(start).startsWith("|* ")) {
                continue;
            }
            int end = start + 1;
            while (end < sorted.size() && sorted.get(end).startsWith("* ")) {
                end++;
            }
            List<String> items = new ArrayList<>(sorted.subList(start, end));
            items.set(0, items.get(0).substring(1));
            Collections.sort(items);
            items.set(0, "|" + items.get(0));
            for (int i = 0; i < items.size(); i++) {
                sorted.set(start + i, items.get(i));
            }
            start = end - 1;
        }
        return sorted;
    }

    private static ApplicationModule system() {
        return MODULES.getModuleByName("system").orElseThrow();
    }
}
