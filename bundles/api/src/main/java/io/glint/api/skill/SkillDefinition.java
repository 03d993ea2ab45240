package io.glint.api.skill;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the resource file (inside the skill's bundle) that declares the skill's intents, slots, templates and
 * examples. Put it next to {@code @Component} on the skill class; it becomes the service property
 * {@value Skill#DEFINITION_PROPERTY}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SkillDefinition {
    String PREFIX_ = "glint.";

    /** Path of the definition inside the bundle, e.g. {@code glint/lights.json}. */
    String value() default "glint/skill.json";
}
