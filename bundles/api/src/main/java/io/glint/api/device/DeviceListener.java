package io.glint.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told about every state and availability change. Called on the thread that reported the
 * change: return quickly and hand slow work to your own executor.
 */
@ConsumerType
public interface DeviceListener {
    void deviceChanged(DeviceChange change);
}
