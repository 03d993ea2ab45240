package io.glint.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The distribution's folders: {@code lib/} (the launcher's class path), {@code bundle/} (installed and started at
 * boot), {@code conf/} (configuration files for ConfigAdmin), {@code skills/} (hot folder) and {@code data/}
 * (framework storage, wiped on start).
 */
record Home(Path root) {

    static final String PROPERTY = "glint.home";

    Path bundles() {
        return root.resolve("bundle");
    }

    Path conf() {
        return root.resolve("conf");
    }

    Path skills() {
        return root.resolve("skills");
    }

    Path data() {
        return root.resolve("data");
    }

    /** --home, else the glint.home system property (set by bin/glint), else the folder above lib/. */
    static Home locate(Path option) {
        if (option != null) {
            return new Home(option.toAbsolutePath().normalize());
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new Home(Path.of(property).toAbsolutePath().normalize());
        }
        Path jar = launcherJar();
        if (jar != null && jar.getParent() != null && jar.getParent().getFileName() != null
                && jar.getParent().getFileName().toString().equals("lib") && jar.getParent().getParent() != null) {
            return new Home(jar.getParent().getParent());
        }
        return new Home(Path.of("").toAbsolutePath());
    }

    private static Path launcherJar() {
        CodeSource source = Home.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Fails with a message that says what to do when this is not a distribution; creates the folders it may. */
    Home validate() {
        if (!Files.isDirectory(bundles())) {
            throw new IllegalArgumentException(root + " is not a Glint distribution: it has no bundle/ folder. "
                    + "Pass --home DIR (the folder holding bin/, bundle/, conf/ and skills/) or start Glint with bin/glint.");
        }
        try {
            Files.createDirectories(conf());
            Files.createDirectories(skills());
            Files.createDirectories(data());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot create the conf/, skills/ or data/ folder under " + root + ": "
                    + e.getMessage(), e);
        }
        return this;
    }
}
