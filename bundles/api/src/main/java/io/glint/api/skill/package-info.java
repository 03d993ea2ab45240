/**
 * What a skill author implements: a {@link io.glint.api.skill.Skill} declares its intents in a resource
 * file named by {@link io.glint.api.skill.SkillDefinition} and turns an {@link io.glint.api.skill.Intent}
 * into a {@link io.glint.api.skill.SkillResult}.
 */
@Export
@Version("1.2.0")
package io.glint.api.skill;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
