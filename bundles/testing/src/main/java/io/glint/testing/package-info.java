/**
 * Unit-test helpers for skill authors: test a skill in plain JUnit, without starting the hub.
 *
 * <ul>
 * <li>{@link io.glint.testing.MemoryHome} is a home held in memory that your skill gets instead of the hub's
 * {@link io.glint.api.device.Devices}: rooms and devices you describe in a few lines, commands answered as the
 * hub answers them (grants, sensitive commands held for the wearer's confirmation, offline and unresponsive
 * devices), state that changes as a real device's does, and a record of every command your skill sent.</li>
 * <li>{@link io.glint.testing.SkillTester} understands sentences with the hub's own NLU against your skill
 * definition file (and other skills' definitions, to check they do not take each other's sentences), and hands
 * the intent to your skill.</li>
 * <li>{@link io.glint.testing.RecordingRegistry}, for driver authors, keeps what a driver reported and waits for it.</li>
 * </ul>
 *
 * Add the jar to your skill's pom with test scope:
 *
 * <pre>
 * &lt;dependency&gt;
 *   &lt;groupId&gt;io.glint&lt;/groupId&gt;&lt;artifactId&gt;io.glint.testing&lt;/artifactId&gt;&lt;scope&gt;test&lt;/scope&gt;
 * &lt;/dependency&gt;
 * </pre>
 *
 * It is a plain jar, not an OSGi bundle: it never goes into the hub.
 */
package io.glint.testing;
