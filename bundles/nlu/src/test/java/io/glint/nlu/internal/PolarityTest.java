package io.glint.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolarityTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"it's far too dark in here; up", "卧室太暗了; up", "把灯调暗一点; down",
            "客厅好冷啊; up", "the music is too loud; down", "make it louder; up", "I'm freezing; up",
            "调亮一点; up", "太亮了; down", "turn the heating down a notch; down"})
    void the_direction_is_what_the_wearer_wants_not_what_they_describe(String text, String expected) {
        assertEquals(expected, Polarity.change(Text.tokens(text)));
    }

    @Test
    void no_direction_word_means_no_change_slot() {
        assertEquals(null, Polarity.change(Text.tokens("set the kitchen lights to forty")));
    }

    @Test
    void an_opposite_is_only_taken_when_the_words_say_so_and_it_is_installed() {
        Set<String> both = Set.of("light.turn_on", "light.turn_off");
        assertEquals("light.turn_off", Polarity.settle("light.turn_on", Text.tokens("lights off in the hall"), both));
        assertEquals("light.turn_on", Polarity.settle("light.turn_on", Text.tokens("lights on in the hall"), both));
        assertEquals("light.turn_on", Polarity.settle("light.turn_on", Text.tokens("lights off in the hall"),
                Set.of("light.turn_on")));
        assertEquals("lock.unlock", Polarity.settle("lock.lock", Text.tokens("把门解锁"),
                Set.of("lock.lock", "lock.unlock")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "light.turn_on; 卧室的灯不用开了; light.turn_off",
            "light.turn_off; 别关客厅的灯; light.turn_on",
            "device.turn_on; please don't switch the heater on; device.turn_off",
            "device.turn_on; there's no need to turn the fan on; device.turn_off",
            "light.turn_on; lights out in the nursery; light.turn_off",
            "light.turn_on; kill the porch lights; light.turn_off",
            "vacuum.start; 今天不用扫了; vacuum.stop",
            "vacuum.start; send the robot back to its base to charge; vacuum.stop",
            "vacuum.stop; halt the vacuum; vacuum.stop",
            "vacuum.stop; 扫地机器人太吵了; vacuum.stop",
            "vacuum.stop; 扫一下厨房; vacuum.start",
            "cover.open; 把百叶窗放下来; cover.close",
            "light.turn_on; turn on the light; light.turn_on",
            "light.turn_off; 把灯关了; light.turn_off"})
    void a_negated_word_asks_for_the_other_side_and_a_machine_name_asks_for_nothing(String model, String text,
            String expected) {
        Set<String> all = Set.of("light.turn_on", "light.turn_off", "device.turn_on", "device.turn_off",
                "vacuum.start", "vacuum.stop", "cover.open", "cover.close");
        assertEquals(expected, Polarity.settle(model, Text.tokens(text), all));
    }

    @Test
    void an_opposite_the_skill_excludes_is_not_taken() {
        // "buy" rules vacuum.start out for this sentence: the candidates no longer hold it
        assertEquals("vacuum.stop", Polarity.settle("vacuum.stop", Text.tokens("which robot should I buy to clean"),
                Set.of("vacuum.stop")));
        assertEquals("vacuum.start", Polarity.settle("vacuum.stop", Text.tokens("which robot should I buy to clean"),
                Set.of("vacuum.stop", "vacuum.start")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "lock.lock; the side door is locked, could you unlock it; lock.unlock",
            "lock.unlock; the garage door is unlocked, lock it up; lock.lock",
            "cover.open; the blinds in the den are open, close them; cover.close",
            "light.turn_on; the hallway lamp is on again, switch it off; light.turn_off",
            "light.turn_off; the hallway lamp is off, switch it on; light.turn_on",
            "car.climate_stop; put the car climate on; car.climate_start",
            "car.climate_start; turn the car heater off now; car.climate_stop",
            "car.climate_start; cool the car down before we head out; car.climate_start",
            "device.turn_on; deactivate the heated blanket; device.turn_off",
            "device.turn_off; enable the coffee machine plug; device.turn_on",
            "device.turn_off; start the tumble dryer; device.turn_on",
            // "lock" after a word that makes it a thing is not the verb
            "lock.lock; release the garage door lock; lock.unlock",
            "lock.lock; unbolt the gate lock; lock.unlock",
            "vacuum.stop; deploy the robot in the study; vacuum.start",
            "vacuum.start; hold the robot cleaner for an hour; vacuum.stop",
            // Chinese characters also build nouns and results: both sides said keeps the model's side
            "vacuum.stop; 停止清扫客厅; vacuum.stop",
            "car.unlock; 车门打开，我要上车; car.unlock"})
    void in_english_the_side_said_last_wins_in_chinese_both_sides_keep_the_model(String model, String text,
            String expected) {
        Set<String> all = Set.of("light.turn_on", "light.turn_off", "device.turn_on", "device.turn_off",
                "vacuum.start", "vacuum.stop", "cover.open", "cover.close", "lock.lock", "lock.unlock",
                "car.lock", "car.unlock", "car.climate_start", "car.climate_stop");
        assertEquals(expected, Polarity.settle(model, Text.tokens(text), all));
    }
}
