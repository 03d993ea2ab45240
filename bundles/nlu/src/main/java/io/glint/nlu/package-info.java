/**
 * Understanding for the hub: the skill definition format ({@link io.glint.nlu.SkillSpec}, read by
 * {@link io.glint.nlu.SkillSpecs}) and the {@link io.glint.nlu.Nlu} service that turns an utterance into an
 * intent against the definitions of the installed skills.
 */
@Export
@Version("1.1.0")
package io.glint.nlu;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
