package org.maxdnn.cli;

import java.io.IOException;
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

/**
 * An optional module of the checkout ({@code spark/target}, {@code train/target}: its jar and, in
 * {@code lib/}, the heavy libraries it brings), loaded only when a command asks for it, so the CLI jar
 * does not carry them. Its jars get a loader of their own that looks in them first: their Scala,
 * Jackson or DJL stay apart from the CLI's; only the toolkit's classes come from the CLI, so both
 * sides share the interfaces the module implements.
 */
final class OptionalModule {
    private final String title;
    private final String folder;
    private final String jarName;
    private final String dirProperty;

    /**
     * @param title       what it is called in messages ("the Spark module")
     * @param folder      its folder in the checkout ("spark")
     * @param jarName     its jar in {@code target}
     * @param dirProperty the system property that overrides where it is looked for
     */
    OptionalModule(String title, String folder, String jarName, String dirProperty) {
        this.title = title;
        this.folder = folder;
        this.jarName = jarName;
        this.dirProperty = dirProperty;
    }

    /** Whether the module is built. */
    boolean present() {
        return Files.isRegularFile(dir().resolve(jarName));
    }

    /** Where the module is: the property, else {@code FOLDER/target} of the checkout the CLI runs from. */
    Path dir() {
        String set = System.getProperty(dirProperty);
        if (set != null) {
            return Path.of(set);
        }
        try {
            // cli/target/maxdnn-cli.jar or cli/target/classes → the checkout's FOLDER/target
            Path here = Path.of(OptionalModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent().getParent().getParent().resolve(folder).resolve("target");
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of(folder, "target");
        }
    }

    /** A public static method of the module, called in its own loader; its runtime exceptions pass through. */
    Object call(String className, String method, Class<?>[] types, Object... args) {
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

    private ClassLoader loader() {
        Path dir = dir();
        Path jar = dir.resolve(jarName);
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
        return new OwnJarsFirst("maxdnn-" + folder, "org.maxdnn." + folder + ".", urls.toArray(URL[]::new),
                OptionalModule.class.getClassLoader());
    }

    MaxdnnException missing(String why) {
        return new MaxdnnException(MaxdnnException.MISSING_TOOL, title + " is not built (" + why + "); build it "
                + "with 'mvn -B -pl " + folder + " -am package -DskipTests' in the checkout, or point -D" + dirProperty
                + " at a folder holding " + jarName + " and lib/");
    }

    /**
     * Classes and resources from its own jars first; the JDK's and the toolkit's (org.maxdnn, except
     * the module's own package) from the parent.
     */
    private static final class OwnJarsFirst extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final String ownPackage;

        OwnJarsFirst(String name, String ownPackage, URL[] urls, ClassLoader parent) {
            super(name, urls, parent);
            this.ownPackage = ownPackage;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            boolean shared = name.startsWith("java.") || name.startsWith("org.maxdnn.") && !name.startsWith(ownPackage);
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

        /**
         * Its own first; a service whose interface the module brings itself is its own business: the
         * parent's providers of it are left out (the CLI's TFLite interpreter jar registers a DJL engine
         * that the CLI's DJL-less classpath could not load).
         */
        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            List<URL> all = java.util.Collections.list(findResources(name));
            String service = "META-INF/services/";
            boolean ownService = name.startsWith(service)
                    && findResource(name.substring(service.length()).replace('.', '/') + ".class") != null;
            if (!ownService && getParent() != null) {
                all.addAll(java.util.Collections.list(getParent().getResources(name)));
            }
            return java.util.Collections.enumeration(all);
        }
    }
}
