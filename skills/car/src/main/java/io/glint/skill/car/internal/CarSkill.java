package io.glint.skill.car.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillDefinition;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Position;

/**
 * The wearer's car, as the car driver shows it: a {@link DeviceType#VEHICLE} device with LOCK (doors), THERMOSTAT
 * (cabin climate) and COVER (windows), and a vehicle device of its own for the trunk, whose id starts with the
 * car's id. Unlocking, opening the trunk and opening the windows are held by the hub for the wearer's "yes".
 * <p>
 * Configuration (PID {@code io.glint.skill.car}, optional): places to drive to, {@code place.NAME = latitude,
 * longitude} with {@code place.NAME.names} (other names, any language; see {@link Places}); {@code place.home}
 * (or {@code home.latitude} and {@code home.longitude}) also lets "where is my car" be answered as a distance and
 * a direction from home instead of coordinates; when the glasses send the wearer's position with the utterance
 * (at most 1 km off), the distance and direction are from the wearer instead. {@code car}: the wearer's own car
 * (device id or name), meant when several cars are connected and the wearer just says "the car".
 */
@Component(configurationPid = "io.glint.skill.car")
@SkillDefinition("glint/car.json")
public class CarSkill implements Skill {
    /** Closer than this to the wearer, the car is "near you": a direction would mean little. */
    static final double NEAR_WEARER_M = 100;
    /** A wearer's position less sure than this says little about where the car is from them; home is used. */
    static final double MAX_WEARER_ACCURACY_M = 1000;

    private final Devices devices;
    private final Places places;
    private final Double homeLatitude;
    private final Double homeLongitude;
    private final String ownCar;

    @Activate
    public CarSkill(@Reference Devices devices, Map<String, Object> properties) {
        this(devices, Places.from(properties), properties.get("car") == null ? null
                : String.valueOf(properties.get("car")).trim());
    }

    /** {@code homeLatitude} / {@code homeLongitude} null when the home's position is not known. */
    public CarSkill(Devices devices, Double homeLatitude, Double homeLongitude) {
        this(devices, homeLatitude == null || homeLongitude == null ? Places.none() : Places.from(Map.of(
                "home.latitude", homeLatitude, "home.longitude", homeLongitude)), null);
    }

    CarSkill(Devices devices, Places places, String ownCar) {
        this.devices = devices;
        this.places = places;
        this.homeLatitude = places.home().map(Places.Place::latitude).orElse(null);
        this.homeLongitude = places.home().map(Places.Place::longitude).orElse(null);
        this.ownCar = ownCar == null || ownCar.isEmpty() ? null : ownCar;
    }

    /** The car, or what to say instead. */
    private record Found(Device car, SkillResult problem) {
    }

    @Override
    public SkillResult handle(Intent intent) {
        Found found = car(intent);
        if (found.problem() != null) {
            return found.problem();
        }
        Device car = found.car();
        String name = Words.name(car, intent.lang());
        return switch (intent.name()) {
            case "car.lock" -> act(intent, car, Command.lock(),
                    Words.say(intent, "Locked the " + name + ".", "已锁好" + name + "。"));
            case "car.unlock" -> act(intent, car, Command.unlock(),
                    Words.say(intent, "Unlocked the " + name + ".", "已解锁" + name + "。"));
            case "car.trunk_open" -> trunk(intent, car);
            case "car.climate_start" -> climateStart(intent, car);
            case "car.climate_stop" -> act(intent, car, new Command(Capability.THERMOSTAT, Attributes.MODE, "off"),
                    Words.say(intent, "Stopped the climate in the " + name + ".", "已关闭" + name + "的空调。"));
            case "car.windows" -> windows(intent, car);
            case "car.status" -> SkillResult.answer(Status.say(car, intent.slot("attribute").map(Slot::value)
                    .orElse(null), intent.lang())).withCard(Card.of(car.name(), Status.card(car)));
            case "car.locate" -> locate(intent, car);
            case "car.navigate" -> Navigation.navigate(intent, car, places, devices);
            default -> SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                    "I can't do that with the car.", "车的这个操作我还不会。"));
        };
    }

    private SkillResult climateStart(Intent intent, Device car) {
        String name = Words.name(car, intent.lang());
        Optional<Slot> temperature = intent.slot("temperature");
        if (temperature.isPresent()) {
            double celsius = temperature.get().asDouble();
            if (celsius < 16 || celsius > 30) {
                return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                        "The car's cabin can be set from 16 to 30 degrees; " + Words.degrees(celsius) + " is out of range.",
                        "车内温度只能设在16到30度之间，" + Words.degreesZh(celsius) + "超出了范围。"));
            }
            String deg = Words.degrees(celsius);
            String degZh = Words.degreesZh(celsius);
            return act(intent, car, Command.targetTemperature(celsius), Words.say(intent,
                    "Started the climate in the " + name + " at " + deg + ".", "已开启" + name + "的空调，设为" + degZh + "。"));
        }
        return act(intent, car, new Command(Capability.THERMOSTAT, Attributes.MODE, "auto"), Words.say(intent,
                "Started the climate in the " + name + ".", "已开启" + name + "的空调。"));
    }

    private SkillResult windows(Intent intent, Device car) {
        String name = Words.name(car, intent.lang());
        boolean open = !"close".equals(intent.slot("action").map(Slot::value).orElse("close"));
        if (intent.slot("action").isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                    "Open or close the windows?", "要开车窗还是关车窗？"));
        }
        return act(intent, car, Command.coverPosition(open ? 100 : 0), open
                ? Words.say(intent, "Opened the windows of the " + name + ".", "已打开" + name + "的车窗。")
                : Words.say(intent, "Closed the windows of the " + name + ".", "已关上" + name + "的车窗。"));
    }

    private SkillResult trunk(Intent intent, Device car) {
        Optional<Device> trunk = devices.all().stream().filter(d -> d.type() == DeviceType.VEHICLE
                && d.has(Capability.COVER) && !d.has(Capability.LOCK) && d.id().startsWith(car.id() + ":"))
                .findFirst();
        if (trunk.isEmpty()) {
            return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                    "I can't open the trunk of the " + Words.name(car, "en") + " from here.",
                    "无法远程打开" + Words.name(car, "zh") + "的后备箱。"));
        }
        String name = Words.name(car, intent.lang());
        return act(intent, trunk.get(), Command.coverPosition(100), Words.say(intent,
                "Opened the trunk of the " + name + ".", "已打开" + name + "的后备箱。"));
    }

    /** Sends one command; the hub's question when it holds it, the driver's reason when it fails. */
    private SkillResult act(Intent intent, Device device, Command command, String done) {
        CommandResult r = devices.execute(device.id(), command);
        if (r.ok()) {
            // the driver answers only once the car reports the new state
            return SkillResult.done(done + Words.say(intent, " The car confirms it.", "车辆已确认。"));
        }
        if (r.code() == FailureCode.CONFIRMATION_REQUIRED) {
            return SkillResult.failed(FailureCode.CONFIRMATION_REQUIRED, r.reason());
        }
        return failure(intent, device, r);
    }

    /** The driver's reason, and for a car that did not answer, that it is unreachable. */
    static SkillResult failure(Intent intent, Device device, CommandResult r) {
        String reason = r.reason() == null ? "" : r.reason();
        String name = Words.name(device, intent.lang());
        if (r.code() == FailureCode.DEVICE_UNREACHABLE) {
            String because = reason.isEmpty() ? "" : reason + (reason.endsWith(".") ? "" : ".");
            return SkillResult.failed(r.code(), Words.say(intent,
                    (because.contains("unreachable") ? because : "The " + name + " is unreachable right now. "
                            + because) + " Nothing was done; try again when it is back in coverage.",
                    name + "现在无法连接，可能不在信号范围内。什么都没有做，等它恢复信号后再试。"));
        }
        return SkillResult.failed(r.code(), Words.say(intent, reason.isEmpty() ? "The car did not answer." : reason,
                name + "没有响应" + (reason.isEmpty() ? "。" : "：" + reason)));
    }

    private SkillResult locate(Intent intent, Device car) {
        Double lat = number(car.state("latitude"));
        Double lon = number(car.state("longitude"));
        String name = Words.name(car, intent.lang());
        if (lat == null || lon == null) {
            return SkillResult.failed(FailureCode.DEVICE_UNREACHABLE, Words.say(intent,
                    "The " + name + " hasn't reported where it is.", name + "还没有报告位置。"));
        }
        Optional<Position> wearer = intent.position().filter(p -> p.accuracyMetres() <= MAX_WEARER_ACCURACY_M);
        if (wearer.isPresent()) {
            return fromWearer(intent, car, name, wearer.get(), lat, lon);
        }
        if (homeLatitude == null || homeLongitude == null) {
            String at = String.format(java.util.Locale.ROOT, "%.5f, %.5f", lat, lon);
            return SkillResult.answer(Words.say(intent, "The " + name + " is at latitude " + String.format(
                    java.util.Locale.ROOT, "%.5f", lat) + ", longitude " + String.format(java.util.Locale.ROOT,
                    "%.5f", lon) + ".", name + "在北纬" + String.format(java.util.Locale.ROOT, "%.5f", lat)
                    + "、东经" + String.format(java.util.Locale.ROOT, "%.5f", lon) + "。")
                    .replace("北纬-", "南纬").replace("东经-", "西经"))
                    .withCard(Card.of(car.name(), at));
        }
        double metres = Geo.distance(homeLatitude, homeLongitude, lat, lon);
        if (metres < 100) {
            return SkillResult.answer(Words.say(intent, "The " + name + " is at home.", name + "就在家。"));
        }
        int direction = Geo.compass(homeLatitude, homeLongitude, lat, lon);
        String far = Words.distance(metres, intent.lang());
        return SkillResult.answer(Words.say(intent,
                "The " + name + " is about " + far + " " + Geo.EN[direction] + " of home.",
                name + "在家的" + Geo.ZH[direction] + "方向，大约" + far + "。"))
                .withCard(Card.of(car.name(), far + " " + Geo.EN[direction]));
    }

    /** "About 350 metres north-east of you", or near the wearer when closer than the position is sure. */
    private static SkillResult fromWearer(Intent intent, Device car, String name, Position wearer, double lat,
            double lon) {
        double metres = Geo.distance(wearer.latitude(), wearer.longitude(), lat, lon);
        double near = Math.max(NEAR_WEARER_M, wearer.accuracyMetres());
        if (metres < near) {
            String within = Words.distance(near, intent.lang());
            return SkillResult.answer(Words.say(intent, "The " + name + " is near you, within about " + within + ".",
                    name + "就在你附近，不超过" + within + "。"))
                    .withCard(Card.of(car.name(), Words.say(intent, "within " + within + " of you",
                            "离你" + within + "以内")));
        }
        int direction = Geo.compass(wearer.latitude(), wearer.longitude(), lat, lon);
        String far = Words.distance(metres, intent.lang());
        return SkillResult.answer(Words.say(intent,
                "The " + name + " is about " + far + " " + Geo.EN[direction] + " of you.",
                name + "在你的" + Geo.ZH[direction] + "方向，大约" + far + "。"))
                .withCard(Card.of(car.name(), Words.say(intent, far + " " + Geo.EN[direction] + " of you",
                        "你的" + Geo.ZH[direction] + "方向" + far)));
    }

    /** The car named, else the only car; generic words ("the car", "我的车") name no car in particular. */
    private Found car(Intent intent) {
        List<Device> cars = new ArrayList<>(devices.all().stream()
                .filter(d -> d.type() == DeviceType.VEHICLE && d.has(Capability.LOCK)).toList());
        Optional<Slot> slot = intent.slot("car").filter(s -> !Words.generic(s.raw()));
        if (slot.isPresent()) {
            Optional<String> id = slot.get().resolved();
            Optional<Device> named = id.flatMap(i -> cars.stream().filter(c -> c.id().equals(i)
                    || i.startsWith(c.id() + ":")).findFirst());
            if (named.isPresent()) {
                return new Found(named.get(), null);
            }
            return new Found(null, SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                    "I don't know a car called " + slot.get().raw() + ".", "我不知道叫" + slot.get().raw() + "的车。")));
        }
        if (cars.isEmpty()) {
            return new Found(null, SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                    "No car is connected to the hub.", "还没有连接任何车。")));
        }
        if (cars.size() > 1 && ownCar != null) {
            Optional<Device> own = cars.stream().filter(c -> c.id().equals(ownCar) || c.name().equalsIgnoreCase(ownCar)
                    || c.aliases().contains(ownCar)).findFirst();
            if (own.isPresent()) {
                return new Found(own.get(), null);
            }
        }
        if (cars.size() > 1) {
            String en = String.join(" or ", cars.stream().map(c -> c.nameIn("en")).toList());
            String zh = String.join("还是", cars.stream().map(c -> c.nameIn("zh")).toList());
            return new Found(null, SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                    "Which car: " + en + "?", "哪辆车：" + zh + "？")));
        }
        return new Found(cars.get(0), null);
    }

    static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
