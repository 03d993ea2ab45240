package io.glint.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.glint.api.skill.Intent;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

/**
 * Utterance → device change through the templates: the whole voice path for commands that switch and dim
 * lights, in English and Chinese, on the default home, on ten copies of it, and with ten times the templates.
 * Sample mode, so JMH reports p50 and p99 per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class VoiceBenchmark {
    /** Alternating on/off so every call really changes a device. */
    static final List<String> UTTERANCES = List.of("turn on the kitchen light", "turn off the kitchen light",
            "把客厅的灯打开", "把客厅的灯关掉", "set the bedroom lights to 40 percent", "set the bedroom lights to 60 percent");

    @Param({"home_x1", "devices_x10", "templates_x10"})
    public String scale;

    private Pipeline pipeline;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pipeline = new Pipeline(scale.equals("devices_x10") ? 10 : 1, scale.equals("templates_x10") ? 9 : 0);
        for (String u : UTTERANCES) {
            Response r = pipeline.assistant.handle(Utterance.of(u));
            if (r.status() != ResponseStatus.DONE) {
                throw new IllegalStateException("\"" + u + "\" was not carried out at scale " + scale + ": " + r);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    @Benchmark
    public Response utterance_to_device_change() {
        return pipeline.assistant.handle(Utterance.of(UTTERANCES.get(next++ % UTTERANCES.size())));
    }

    @Benchmark
    public Intent understanding_only() {
        return pipeline.nlu.parse(Utterance.of(UTTERANCES.get(next++ % UTTERANCES.size()))).orElseThrow();
    }
}
