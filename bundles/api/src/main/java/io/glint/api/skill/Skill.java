package io.glint.api.skill;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A voice skill, registered as an OSGi service (whiteboard). The hub reads the intents the skill declares from
 * the resource file named by {@link SkillDefinition} when the service arrives, understands the wearer against
 * them, and calls {@link #handle(Intent)} on the skill's own executor within a time budget.
 *
 * <pre>
 * &#64;Component
 * &#64;SkillDefinition("glint/garden.json")
 * public class GardenSkill implements Skill {
 *     &#64;Reference Devices devices;
 *     public SkillResult handle(Intent intent) { ... }
 * }
 * </pre>
 *
 * Anything {@code handle} throws, and any call that outlives the budget, becomes a {@link SkillResult#failed
 * FAILED} answer spoken to the wearer; the hub keeps serving.
 */
@ConsumerType
public interface Skill {

    /** Service property naming the definition resource inside the skill's bundle. */
    String DEFINITION_PROPERTY = "glint.skill.definition";

    /** Service property: time budget for one call of {@link #handle}, in milliseconds (default 3000). */
    String BUDGET_PROPERTY = "glint.skill.budget.ms";

    SkillResult handle(Intent intent) throws Exception;
}
