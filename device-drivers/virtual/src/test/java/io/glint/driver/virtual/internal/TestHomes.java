package io.glint.driver.virtual.internal;

/** Small homes written the way a person would write them, for the tests. */
final class TestHomes {

    /** One of each behaviour the tests need; ids say what the device is for. */
    static final String SMALL = """
            {"rooms": [
               {"id": "kitchen", "name": "kitchen", "aliases": ["厨房"]},
               {"id": "hall", "name": "hall"}],
             "devices": [
               {"id": "kitchen.light", "name": "kitchen light", "room": "kitchen", "type": "light",
                "capabilities": ["ON_OFF", "BRIGHTNESS", "COLOR"], "state": {"on": false, "brightness": 50}},
               {"id": "kitchen.plug", "name": "kettle plug", "room": "kitchen", "type": "plug",
                "capabilities": ["ON_OFF"], "state": {"on": false}},
               {"id": "kitchen.coffee", "name": "coffee machine", "room": "kitchen", "type": "coffee_maker",
                "capabilities": ["ON_OFF", "COFFEE_MAKER"], "state": {"on": false, "brewing": ""}},
               {"id": "hall.slow_light", "name": "slow light", "room": "hall", "type": "light",
                "capabilities": ["ON_OFF"], "state": {"on": false}, "latencyMs": 300},
               {"id": "hall.porch_light", "name": "porch light", "room": "hall", "type": "light",
                "capabilities": ["ON_OFF"], "state": {"on": false}, "responds": false, "latencyMs": 100},
               {"id": "hall.dead_light", "name": "dead light", "room": "hall", "type": "light",
                "capabilities": ["ON_OFF"], "state": {"on": false}, "responds": false},
               {"id": "hall.thermostat", "name": "thermostat", "room": "hall", "type": "thermostat",
                "capabilities": ["THERMOSTAT"], "state": {"target_temperature": 21, "temperature": 20.5}},
               {"id": "hall.lock", "name": "front door lock", "room": "hall", "type": "lock",
                "capabilities": ["LOCK"], "state": {"locked": true}},
               {"id": "hall.vacuum", "name": "robot vacuum", "room": "hall", "type": "vacuum",
                "capabilities": ["VACUUM"], "state": {"vacuum_state": "docked", "vacuum_room": ""}},
               {"id": "tv", "name": "TV", "type": "tv",
                "capabilities": ["ON_OFF", "MEDIA"], "state": {"on": false, "playing": "", "volume": 20}},
               {"id": "speaker", "name": "speaker", "type": "speaker",
                "capabilities": ["MEDIA"], "state": {"playing": "", "volume": 30}},
               {"id": "blinds", "name": "blinds", "room": "kitchen", "type": "blinds",
                "capabilities": ["COVER"], "state": {"position": 100}}
             ]}
            """;

    private TestHomes() {
    }

    static Home parse(String json) throws HomeFileException {
        return new HomeParser("virtual").parseJson("test-home.json", json);
    }
}
