package org.maxdnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.MapEvaluator;

/**
 * The optional Spark module ({@code spark/target}: {@code maxdnn-spark.jar} and Spark in {@code lib/}),
 * loaded only when {@code --spark} or {@code bench --only spark} asks for it, so the CLI jar does not
 * carry Spark. Its jars get a loader of their own that looks in them first: Spark's Scala and Jackson
 * stay apart from Chisel's Scala and the toolkit's Jackson; only the toolkit's classes come from the CLI.
 */
final class SparkModule {
    /** Overrides where the module is looked for. */
    static final String DIR_PROPERTY = "maxdnn.spark.dir";

    private SparkModule() {
    }

    /** {@code --spark MASTER}: the Spark evaluators; a missing module or an unreachable master is exit 4. */
    static MapEvaluator.Factory evaluators(String master) {
        return (MapEvaluator.Factory) call("org.maxdnn.spark.SparkEvaluator", "factory", new Class<?>[] {String.class},
                master);
    }

    /** {@code bench --only spark}. */
    static void bench(PrintStream out, Path model, Path images, Path lutDir) {
        call("org.maxdnn.spark.SparkBench", "run", new Class<?>[] {PrintStream.class, Path.class, Path.class, Path.class},
                out, model, images, lutDir);
    }

    /** Whether the module is built. */
    static boolean present() {
        return Files.isRegularFile(dir().resolve("maxdnn-spark.jar"));
    }

    /** Where the module is: {@value #DIR_PROPERTY}, else {@code spark/target} of the checkout the CLI runs from. */
    static Path dir() {
        String set = System.getProperty(DIR_PROPERTY);
        if (set != null) {
            return Path.of(set);
        }
        try {
            // cli/target/maxdnn-cli.jar or cli/target/classes → the checkout's spark/target
            Path here = Path.of(SparkModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent().getParent().getParent().resolve("spark").resolve("target");
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("spark", "target");
        }
    }

    private static Object call(String className, String method, Class<?>[] types, Object... args) {
        ClassLoader loader = loader();
        try {
            return Class.forName(className, true, loader).getMethod(method, types).invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw missing("its jar has no " + className + "." + method + ": " + e);
        }
    }

    private static ClassLoader loader() {
        Path dir = dir();
        Path jar = dir.resolve("maxdnn-spark.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(dir.resolve("lib"))) {
            throw missing(jar + " and " + dir.resolve("lib") + " are not there");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> lib = Files.list(dir.resolve("lib"))) {
            urls.add(jar.toUri().toURL());
            for (Path p : lib.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
        } catch (IOException e) {
            throw missing("cannot list " + dir.resolve("lib") + ": " + e.getMessage());
        }
        return new OwnJarsFirst(urls.toArray(URL[]::new), SparkModule.class.getClassLoader());
    }

    private static MaxdnnException missing(String why) {
        return new MaxdnnException(MaxdnnException.MISSING_TOOL, "the Spark module is not built (" + why + "); build it "
                + "with 'mvn -B -pl spark -am package -DskipTests' in the checkout, or point -D" + DIR_PROPERTY
                + " at a folder holding maxdnn-spark.jar and lib/");
    }

    /**
     * Classes and resources from its own jars first; the JDK's and the toolkit's (org.maxdnn, except
     * the Spark module's own) from the parent, so both sides share one {@link MapEvaluator}.
     */
    private static final class OwnJarsFirst extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        OwnJarsFirst(URL[] urls, ClassLoader parent) {
            super("maxdnn-spark", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            boolean shared = name.startsWith("java.") || name.startsWith("org.maxdnn.") && !name.startsWith("org.maxdnn.spark.");
            if (shared) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }
}
