package io.glint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import picocli.CommandLine;

class CommandLineTest {

    private static int execute(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void an_unknown_command_prints_usage_and_exits_2() {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "dance"));
        assertTrue(err.toString().contains("Usage: glint"), err.toString());
    }

    @Test
    void no_command_exits_2() {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err));
        assertTrue(err.toString().contains("Missing command"), err.toString());
    }

    @Test
    void a_home_that_is_not_a_distribution_exits_2_and_says_what_to_do(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "parse", "--home", dir.toString(), "turn", "on"));
        assertTrue(err.toString().contains("no bundle/ folder"), err.toString());
    }

    @Test
    void the_home_option_is_accepted_before_the_command_too(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "--home", dir.toString(), "parse", "x"));
        assertTrue(err.toString().contains(dir.toString()), err.toString());
    }

    @Test
    void validating_a_home_creates_the_folders_the_hub_writes_to(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("bundle"));
        Home home = Home.locate(dir).validate();
        assertTrue(Files.isDirectory(home.skills()));
        assertTrue(Files.isDirectory(home.conf()));
        assertTrue(Files.isDirectory(home.data()));
    }

    @Test
    void the_framework_exports_the_sdk_and_slf4j_but_not_jackson(@TempDir Path dir) {
        Map<String, String> p = Hub.frameworkProperties(new Home(dir), dir.resolve("data/cache"), false);
        String extra = p.get("org.osgi.framework.system.packages.extra");
        for (String pkg : List.of("io.glint.api.skill", "io.glint.api.device", "io.glint.api.driver",
                "io.glint.api.voice")) {
            assertTrue(extra.matches("(?s).*\\b" + pkg.replace(".", "\\.") + ";[^,]*version=\"?\\d.*"),
                    pkg + " missing or unversioned in " + extra);
        }
        assertTrue(extra.contains("org.slf4j;version=2.0.17"), extra);
        assertTrue(extra.contains("org.slf4j.spi;version=2.0.17"), extra);
        assertFalse(extra.contains("jackson"), extra);
    }

    @Test
    void file_install_watches_conf_and_skills_quickly() {
        Path root = Path.of("/opt/glint");
        Map<String, String> p = Hub.frameworkProperties(new Home(root), root.resolve("data/x"), true);
        assertEquals(List.of(root.resolve("conf").toString(), root.resolve("skills").toString()),
                List.of(p.get("felix.fileinstall.dir").split(",")));
        assertTrue(Integer.parseInt(p.get("felix.fileinstall.poll")) <= 250);
        assertEquals("true", p.get("felix.fileinstall.noInitialDelay"));
        assertEquals("--nointeractive", p.get("gosh.args"));
        assertEquals("onFirstInit", p.get("org.osgi.framework.storage.clean"));
    }

    @Test
    void framework_settings_given_with_minus_d_win_over_the_defaults() {
        System.setProperty("felix.fileinstall.poll", "50");
        try {
            Path root = Path.of("/opt/glint");
            assertEquals("50", Hub.frameworkProperties(new Home(root), root.resolve("data/x"), true)
                    .get("felix.fileinstall.poll"));
        } finally {
            System.clearProperty("felix.fileinstall.poll");
        }
    }

    @Test
    void parse_plain_output_names_the_intent_and_each_slot() {
        Intent intent = Intent.builder("lights.turn_on")
                .slot(new Slot("device", "device", "lamp", null, List.of("bedroom.lamp", "living.lamp")))
                .slot(Slot.of("room", "room", "kitchen", "kitchen")).build();

        String text = ParseCommand.plain(Optional.of(intent));

        assertTrue(text.startsWith("intent: lights.turn_on (confidence 1.00, en)"), text);
        assertTrue(text.contains("device = one of [bedroom.lamp, living.lamp] (device, said \"lamp\")"), text);
        assertTrue(text.contains("room = kitchen (room, said \"kitchen\")"), text);
        assertEquals("not understood", ParseCommand.plain(Optional.empty()));
    }
}
