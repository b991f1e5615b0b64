package org.maxdnn.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.maxdnn.io.ExternalTool;

/** The policy behind {@link RequiresTools}: skip locally, fail under {@code CI=true}. */
public final class ToolPolicy implements BeforeAllCallback, BeforeEachCallback {
    /** Whether this run is CI, where every tool must be present. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        check(context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check(context.getRequiredTestMethod());
    }

    private static void check(AnnotatedElement element) {
        RequiresTools needs = element.getAnnotation(RequiresTools.class);
        if (needs == null) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>();
        List<String> packages = new ArrayList<>();
        for (String command : needs.value()) {
            ExternalTool tool = ExternalTool.known(command);
            if (!tool.isAvailable() && missing.add(command)) {
                packages.add(tool.aptPackage());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String what = String.join(", ", missing) + " not found on PATH (apt-get install "
                + String.join(" ", new LinkedHashSet<>(packages)) + ", or 'make setup')";
        if (isCi()) {
            throw new AssertionError("CI=true but " + what + ": the test cannot run, so it fails");
        }
        Assumptions.abort(what + ": skipped (it would fail under CI=true)");
    }
}
