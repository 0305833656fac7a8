package org.camelevolink.karaf;

import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Descriptors.PackageRef;
import aQute.bnd.osgi.Jar;
import org.camelevolink.component.EvolinkComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component jar is an OSGi bundle Karaf can resolve: checked statically on the jar (or the classes folder with
 * its MANIFEST.MF, in a build that has not packaged it), with bnd's analyser computing anew which packages the
 * classes use. No OSGi framework runs here.
 */
class BundleManifestTest {

    private static Jar bundle;
    private static Manifest manifest;

    @BeforeAll
    static void readBundle() throws Exception {
        File location = new File(EvolinkComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        bundle = new Jar(location);
        manifest = bundle.getManifest();
        assertThat(manifest).as("a manifest in " + location).isNotNull();
    }

    @AfterAll
    static void close() {
        bundle.close();
    }

    @Test
    void itIsABundleWithASymbolicNameAndVersion() {
        assertThat(header("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(header("Bundle-SymbolicName")).isEqualTo("org.camelevolink.component");
        assertThat(header("Bundle-Version")).startsWith("0.1.0");
        assertThat(header("Automatic-Module-Name")).isEqualTo("org.camelevolink.component");
    }

    @Test
    void camelIsImportedFromTheFourEighteenLineUpToFive() {
        Parameters imports = OSGiHeader.parseHeader(header("Import-Package"));
        Set<String> camel = new TreeSet<>();
        imports.forEach((pkg, attrs) -> {
            if (pkg.startsWith("org.apache.camel")) {
                camel.add(pkg);
                assertThat(attrs.get("version")).as(pkg).isEqualTo("[4.18,5)");
            }
        });
        assertThat(camel).contains("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support",
                "org.apache.camel.impl.health");
    }

    @Test
    void everyPackageTheClassesUseIsImportedOrInside() throws Exception {
        Set<String> inside = new TreeSet<>(bundle.getPackages());
        Set<String> imported = OSGiHeader.parseHeader(header("Import-Package")).keySet();
        Set<String> used = new TreeSet<>();
        try (Analyzer analyzer = new Analyzer(new Jar("classes", bundle.getSource()))) {
            analyzer.setProperty("Export-Package", "org.camelevolink.component.*");
            analyzer.analyze();
            for (PackageRef ref : analyzer.getReferred().keySet()) {
                if (!ref.isJava()) {
                    used.add(ref.getFQN());
                }
            }
        }
        assertThat(used).isNotEmpty().allSatisfy(pkg -> assertThat(imported.contains(pkg) || inside.contains(pkg))
                .as(pkg + " is imported or inside the bundle").isTrue());
    }

    @Test
    void onlyTheDefaultStoresH2MvStoreIsOptional() {
        Set<String> optional = new TreeSet<>();
        OSGiHeader.parseHeader(header("Import-Package")).forEach((pkg, attrs) -> {
            if ("optional".equals(attrs.get("resolution:"))) {
                optional.add(pkg);
            }
        });
        assertThat(optional).containsExactly("org.h2.mvstore");
    }

    @Test
    void theCamelServiceFilesAreInside() {
        assertThat(bundle.getResources().keySet()).contains(
                "META-INF/services/org/apache/camel/component/evolink",
                "META-INF/services/org/apache/camel/configurer/evolink-component",
                "META-INF/services/org/apache/camel/configurer/evolink-endpoint",
                "META-INF/services/org/apache/camel/urifactory/evolink-endpoint",
                "META-INF/org/camelevolink/component/evolink.json",
                "org/camelevolink/component/catalog/evolink-models.json");
    }

    /** Split packages: a package of this bundle that another jar of the class path also holds. */
    @Test
    void noPackageOfTheBundleIsInAnotherJar() throws Exception {
        Set<String> ours = new TreeSet<>(bundle.getPackages());
        ours.removeIf(pkg -> !pkg.startsWith("org.camelevolink"));
        assertThat(ours).contains("org.camelevolink.component", "org.camelevolink.component.client");
        Set<String> exported = OSGiHeader.parseHeader(header("Export-Package")).keySet();
        assertThat(exported).containsExactlyInAnyOrderElementsOf(ours);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.endsWith(".jar") || path.equals(Path.of(bundle.getSource().getPath()))) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && n.contains("/"))
                        .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                        .forEach(pkg -> assertThat(ours).as(entry + " holds " + pkg).doesNotContain(pkg));
            }
        }
    }

    private static String header(String name) {
        String value = manifest.getMainAttributes().getValue(name);
        assertThat(value).as(name).isNotNull();
        return value;
    }
}
