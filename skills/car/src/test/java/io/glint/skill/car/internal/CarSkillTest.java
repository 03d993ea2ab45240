package io.glint.skill.car.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Status;
import io.glint.api.voice.Position;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/** The skill as a wearer meets it, next to the appliances and climate skills' sentences. */
class CarSkillTest {
    private MemoryHome home;
    private SkillTester tester;
    private CarSkill skill;

    @BeforeEach
    void setUp() {
        home = new MemoryHome().room("hallway", "hallway", "走廊")
                .device("hallway.lock", DeviceType.LOCK, "front door lock", "hallway", List.of("front door", "前门"),
                        EnumSet.of(Capability.LOCK), Map.of(Attributes.LOCKED, true))
                .device("car:car", DeviceType.VEHICLE, "car", null, List.of("车"),
                        EnumSet.of(Capability.LOCK, Capability.THERMOSTAT, Capability.COVER, Capability.NAVIGATION),
                        Map.ofEntries(Map.entry(Attributes.LOCKED, true), Map.entry(Attributes.BATTERY, 82),
                                Map.entry("range_km", 310), Map.entry(Attributes.POSITION, 0),
                                Map.entry("windows_open", false), Map.entry("doors_open", false),
                                Map.entry("charging", false), Map.entry("charging_cable", false),
                                Map.entry("latitude", 48.1420), Map.entry("longitude", 11.5800),
                                Map.entry("tire_pressure_front_left", 250.0), Map.entry("tire_pressure_front_right", 248.0),
                                Map.entry("tire_pressure_rear_left", 240.0), Map.entry("tire_pressure_rear_right", 195.0)))
                .device("car:car:trunk", DeviceType.VEHICLE, "car trunk", null, List.of("后备箱"),
                        EnumSet.of(Capability.COVER), Map.of(Attributes.POSITION, 0, "trunk_open", false));
        tester = new SkillTester(home, "glint/appliances.json", "glint/climate.json", "glint/car.json");
        home.grants(tester.spec("glint/car.json").grants());
        skill = new CarSkill(home, 48.1374, 11.5755);
    }

    private Intent understood(String text, String name) {
        Optional<Intent> intent = tester.parse(text);
        assertTrue(intent.isPresent(), "not understood: " + text);
        assertEquals(name, intent.get().name(), text + " → " + intent.get());
        return intent.get();
    }

    private SkillResult say(String text, String name) throws Exception {
        understood(text, name);
        return tester.say(skill, text);
    }

    @Test
    void locking_is_done_at_once() throws Exception {
        home.set("car:car", Attributes.LOCKED, false);
        SkillResult r = say("lock the car", "car.lock");
        assertEquals(Status.DONE, r.status(), r.speech());
        assertEquals("Locked the car. The car confirms it.", r.speech());
        assertEquals(true, home.state("car:car", Attributes.LOCKED));
        assertEquals("已锁好车。车辆已确认。", say("把车锁上", "car.lock").speech());
    }

    @Test
    void unlocking_opening_the_trunk_and_opening_the_windows_wait_for_the_wearer() throws Exception {
        for (String text : List.of("unlock the car", "解锁车门")) {
            SkillResult r = say(text, "car.unlock");
            assertEquals(FailureCode.CONFIRMATION_REQUIRED, r.code(), text + ": " + r.speech());
        }
        SkillResult trunk = say("open the trunk", "car.trunk_open");
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, trunk.code(), trunk.speech());
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, say("打开后备箱", "car.trunk_open").code());
        SkillResult windows = say("open the car windows", "car.windows");
        assertEquals(FailureCode.CONFIRMATION_REQUIRED, windows.code(), windows.speech());
        assertEquals(true, home.state("car:car", Attributes.LOCKED), "nothing changed before the wearer said yes");
        assertEquals(0, home.state("car:car:trunk", Attributes.POSITION));
        assertEquals(0, home.state("car:car", Attributes.POSITION));
        assertEquals(List.of("car:car:locked=false", "car:car:locked=false", "car:car:trunk:position=100",
                "car:car:trunk:position=100", "car:car:position=100"), home.sent());
    }

    @Test
    void the_front_door_is_still_the_appliances_skills() {
        understood("unlock the front door", "lock.unlock");
    }

    @Test
    void closing_the_windows_and_the_climate_are_not_held() throws Exception {
        home.set("car:car", Attributes.POSITION, 100);
        assertEquals("Closed the windows of the car. The car confirms it.",
                say("close the car windows", "car.windows").speech());
        assertEquals(0, home.state("car:car", Attributes.POSITION));
        assertEquals("已关上车的车窗。车辆已确认。", say("把车窗关上", "car.windows").speech());
        SkillResult warm = say("precondition the car to 21 degrees", "car.climate_start");
        assertEquals("Started the climate in the car at 21 degrees. The car confirms it.", warm.speech());
        assertEquals(21.0, ((Number) home.state("car:car", Attributes.TARGET_TEMPERATURE)).doubleValue());
        assertEquals(Status.DONE, say("打开车里的空调", "car.climate_start").status());
        assertEquals("Stopped the climate in the car. The car confirms it.", say("turn off the car's climate", "car.climate_stop").speech());
        assertEquals("off", home.state("car:car", Attributes.MODE));
    }

    @Test
    void status_is_said_with_units_as_people_say_them() throws Exception {
        assertEquals("The car has 82 percent, about 310 kilometres of range.",
                say("how much battery does the car have left", "car.status").speech());
        assertEquals("车电量百分之82，还能跑大约310公里。", say("车还有多少电", "car.status").speech());
        assertEquals("The car has 82 percent, about 310 kilometres of range.",
                say("how far can my car go", "car.status").speech());
        assertEquals("The car: the doors are closed and locked.", say("is the car locked", "car.status").speech());
        assertEquals("The car's tyres are low: rear right 2.0 bar.", say("check the car tyres", "car.status").speech());
        assertEquals("The car is locked and has 82 percent, about 310 kilometres of range.",
                say("how's my car doing", "car.status").speech());
        assertEquals("车没有在充电，电量百分之82，还能跑大约310公里。", say("车在充电吗", "car.status").speech());
    }

    @Test
    void the_car_is_located_from_home_or_by_its_coordinates() throws Exception {
        assertEquals("The car is about 600 metres north-east of home.", say("where is my car", "car.locate").speech());
        assertEquals("车在家的东北方向，大约600米。", say("我的车停在哪里", "car.locate").speech());
        CarSkill nowhere = new CarSkill(home, (Double) null, null);
        assertEquals("The car is at latitude 48.14200, longitude 11.58000.", tester.say(nowhere, "where's the car").speech());
    }

    private SkillResult locateFrom(CarSkill from, String text, Position wearer) throws Exception {
        return from.handle(understood(text, "car.locate").toBuilder().position(wearer).build());
    }

    @Test
    void the_car_is_located_from_the_wearer_when_the_glasses_say_where_they_are() throws Exception {
        SkillResult r = locateFrom(skill, "where is my car", new Position(48.1395, 11.5770, 10));
        assertEquals(Status.QUERY_ANSWER, r.status(), r.speech());
        assertEquals("The car is about 350 metres north-east of you.", r.speech());
        assertEquals(List.of("350 metres north-east of you"), r.card().orElseThrow().lines());
        assertEquals("车在你的西北方向，大约2.9公里。",
                locateFrom(skill, "我的车停在哪里", new Position(48.1200, 11.6000, 20)).speech());
        assertEquals("The car is near you, within about 100 metres.",
                locateFrom(skill, "where is my car", new Position(48.1425, 11.5805, 5)).speech());
        assertEquals("车就在你附近，不超过300米。",
                locateFrom(skill, "我的车停在哪里", new Position(48.1440, 11.5790, 300)).speech(),
                "closer than the position is sure: near, not a direction");
        CarSkill nowhere = new CarSkill(home, (Double) null, null);
        assertEquals("The car is about 500 metres south-west of you.",
                locateFrom(nowhere, "where's the car", Position.of(48.1451, 11.5850)).speech());
    }

    @Test
    void a_vague_position_or_none_locates_the_car_from_home() throws Exception {
        assertEquals("The car is about 600 metres north-east of home.",
                locateFrom(skill, "where is my car", new Position(48.1500, 11.5600, 5000)).speech());
        assertEquals("The car is about 600 metres north-east of home.",
                locateFrom(skill, "where is my car", null).speech());
    }

    @Test
    void a_car_that_does_not_confirm_is_reported_with_the_drivers_reason() throws Exception {
        home.set("car:car", Attributes.LOCKED, false).deaf("car:car");
        SkillResult r = say("lock my car", "car.lock");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.speech().startsWith("The car is unreachable right now. The car did not answer within 2 s."),
                r.speech());
        home.offline("car:car", "out of coverage");
        SkillResult zh = say("锁车", "car.lock");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, zh.code());
        assertTrue(zh.speech().startsWith("车现在无法连接，可能不在信号范围内。"), zh.speech());
    }

    @Test
    void without_a_car_the_wearer_hears_so() throws Exception {
        home.remove("car:car").remove("car:car:trunk");
        SkillResult r = tester.say(skill, "lock the car");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals("No car is connected to the hub.", r.speech());
    }

    static final Map<String, Object> PLACES = Map.of(
            "place.home", "48.1374, 11.5755", "place.home.names", "家",
            "place.work", "48.1500, 11.5600", "place.work.names", "office, 公司, 单位",
            "place.airport", "48.3538, 11.7861", "place.airport.names", "机场",
            "place.train_station", "48.1402, 11.5586", "place.train_station.names", "火车站, station");

    @Test
    void a_place_goes_to_the_cars_navigation_with_a_route_card() throws Exception {
        CarSkill navigating = new CarSkill(home, PLACES);
        understood("navigate to the airport", "car.navigate");
        SkillResult r = tester.say(navigating, "navigate to the airport");
        assertEquals(Status.DONE, r.status(), r.speech());
        assertEquals("The car is navigating to the airport, about 28 kilometres to the north-east: roughly 45"
                + " minutes by car.", r.speech());
        assertEquals("Route to airport", r.card().orElseThrow().title());
        assertEquals(List.of("28 kilometres north-east", "~45 minutes drive"), r.card().orElseThrow().lines());
        assertEquals(Map.of("name", "airport", "latitude", 48.3538, "longitude", 11.7861),
                home.state("car:car", Attributes.DESTINATION));

        understood("导航到公司", "car.navigate");
        SkillResult zh = tester.say(navigating, "导航到公司");
        assertEquals(Status.DONE, zh.status(), zh.speech());
        assertTrue(zh.speech().startsWith("车已导航到公司：在西北方向约"), zh.speech());
        assertEquals("work", ((Map<?, ?>) home.state("car:car", Attributes.DESTINATION)).get("name"));

        understood("take me home", "car.navigate");
        assertTrue(tester.say(navigating, "take me home").speech().contains("navigating to home"));
        assertEquals("home", ((Map<?, ?>) home.state("car:car", Attributes.DESTINATION)).get("name"));
    }

    @Test
    void an_unknown_place_is_answered_with_the_places_known_and_how_to_add_one() throws Exception {
        Map<String, Object> withTypo = new java.util.HashMap<>(PLACES);
        withTypo.put("place.beach", "54.1, eleven");
        CarSkill navigating = new CarSkill(home, withTypo);
        understood("navigate to the zoo", "car.navigate");
        SkillResult r = tester.say(navigating, "navigate to the zoo");
        assertEquals(FailureCode.INVALID_VALUE, r.code());
        assertTrue(r.speech().startsWith("I don't know where the zoo is. I know the airport, home, the train station"
                + " and work. To add a place, write place.NAME = latitude, longitude in conf/io.glint.skill.car.cfg."),
                r.speech());
        assertTrue(r.speech().contains("place.beach = 54.1, eleven is not \"latitude, longitude\""), r.speech());
        assertEquals(List.of(), home.sent(), "nothing sent to the car");
        SkillResult zh = tester.say(navigating, "导航去动物园");
        assertTrue(zh.speech().startsWith("我不知道动物园在哪里。我知道的地点有：机场、家、火车站、公司。"), zh.speech());
    }

    @Test
    void with_two_cars_the_car_means_the_wearers_own() throws Exception {
        home.device("car:camper", DeviceType.VEHICLE, "camper", null, List.of("房车"),
                EnumSet.of(Capability.LOCK, Capability.THERMOSTAT, Capability.COVER, Capability.NAVIGATION),
                Map.of(Attributes.LOCKED, false));
        home.set("car:car", Attributes.LOCKED, false);
        assertEquals("Which car: car or camper?", tester.say(skill, "lock the car").speech());
        Map<String, Object> config = new java.util.HashMap<>(PLACES);
        config.put("car", "car");
        CarSkill own = new CarSkill(home, config);
        assertEquals("Locked the car. The car confirms it.", tester.say(own, "lock the car").speech());
        assertEquals(true, home.state("car:car", Attributes.LOCKED));
        assertEquals(false, home.state("car:camper", Attributes.LOCKED));
        assertEquals("已锁好房车。车辆已确认。", tester.say(own, "锁上房车").speech());
        assertEquals(true, home.state("car:camper", Attributes.LOCKED));

        home.deaf("car:camper");
        understood("navigate the camper to work", "car.navigate");
        SkillResult r = tester.say(own, "navigate the camper to work");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.speech().startsWith("The camper is unreachable right now."), r.speech());
        understood("把房车导航到公司", "car.navigate");
        assertTrue(tester.say(own, "把房车导航到公司").speech().startsWith("房车现在无法连接"));
        assertEquals(null, home.state("car:camper", Attributes.DESTINATION));
    }
}
