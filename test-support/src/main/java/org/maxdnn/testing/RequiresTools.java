package org.maxdnn.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The external programs a test class or method runs (e.g. {@code "verilator"}, {@code "yosys"}).
 * When one is missing from PATH the test is skipped on a developer's machine but fails when the
 * environment says {@code CI=true}: CI installs every tool, so a missing one there is a broken
 * setup, never a quiet green.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ToolPolicy.class)
public @interface RequiresTools {
    /** Executable names as {@link org.maxdnn.io.ExternalTool#command()} knows them. */
    String[] value();
}
