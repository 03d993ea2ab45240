package io.glint.driver.virtual.internal;

import java.util.List;
import java.util.Map;

/**
 * The home file exactly as written, bound by Jackson. Everything may be missing or wrong here; {@link HomeParser}
 * checks it and turns it into API objects. Field names are the file's field names.
 */
record HomeJson(List<RoomJson> rooms, List<DeviceJson> devices) {

    record RoomJson(String id, String name, List<String> aliases) {
    }

    record DeviceJson(String id, String name, List<String> aliases, String room, String type,
            List<String> capabilities, Map<String, Object> state, Boolean responds, Long latencyMs, String topic) {
    }
}
