package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;

/**
 * An operator from outside the golden model (a test's, a user's), found on the class path with
 * {@link java.util.ServiceLoader}: a public class with a no-argument constructor, named in a
 * {@code META-INF/services/org.maxdnn.infer.ops.OperatorPlugin} line. It may not replace a builtin
 * the golden model already runs.
 */
public interface OperatorPlugin extends OperatorKernel {
    OpType type();
}
