package io.glint.core.internal;

import io.glint.api.skill.Intent;

/** Hands an understood intent to the skill that declared it. */
public interface IntentDispatcher {
    SkillCatalog.Dispatch dispatch(Intent intent);
}
