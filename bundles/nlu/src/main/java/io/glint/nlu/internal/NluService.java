package io.glint.nlu.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Devices;
import io.glint.api.nlu.RowDots;
import io.glint.api.nlu.SentenceEncoder;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpec;

/**
 * The understanding pipeline: normalise and tokenise, then ask the matchers in order (templates first), with
 * the registry's current names for rooms and devices. What no matcher takes is not understood: no guessing.
 */
@Component(service = Nlu.class, configurationPid = "io.glint.nlu")
@Designate(ocd = NluService.Config.class)
public class NluService implements Nlu {

    /**
     * The embedding matcher's acceptance rule per language (scores as {@link NearestScan} computes them: half the
     * nearest example's cosine, half the mean of the five nearest), calibrated in English on a development set and
     * in Chinese on the skills' own examples, each left out in turn (docs/benchmarks.md).
     */
    @ObjectClassDefinition(name = "Glint understanding")
    public @interface Config {
        @AttributeDefinition(description = "English: least score of an intent's examples to accept it")
        double enMinScore() default 0.74;

        @AttributeDefinition(description = "English: least lead over the runner-up intent")
        double enMinMargin() default 0.0;

        @AttributeDefinition(description = "English: least lead over the out-of-scope sentences' score")
        double enMinNoneMargin() default 0.05;

        @AttributeDefinition(description = "Chinese: least score of an intent's examples to accept it")
        double zhMinScore() default 0.695;

        @AttributeDefinition(description = "Chinese: least lead over the runner-up intent")
        double zhMinMargin() default 0.0;

        @AttributeDefinition(description = "Chinese: least lead over the out-of-scope sentences' score")
        double zhMinNoneMargin() default 0.09;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NluService.class);

    private final Devices devices;
    private final List<IntentMatcher> matchers;
    private Catalog catalog = Catalog.empty();
    private volatile Lexicon lexicon = Lexicon.empty();

    private final EmbeddingMatcher embeddings;

    @Activate
    public NluService(@Reference Devices devices, Config config, org.osgi.framework.BundleContext context) {
        this(devices, new EmbeddingMatcher(Map.of(
                "en", new EmbeddingMatcher.Thresholds(config.enMinScore(), config.enMinMargin(),
                        config.enMinNoneMargin()),
                "zh", new EmbeddingMatcher.Thresholds(config.zhMinScore(), config.zhMinMargin(),
                        config.zhMinNoneMargin())), false));
        String dir = context.getProperty("glint.nlu.dir");
        java.io.File data = dir != null ? new java.io.File(dir) : context.getDataFile("vectors");
        if (data != null) {
            embeddings.persistIn(data.toPath());
        }
    }

    /** Templates first, then the embedding matcher. */
    public NluService(Devices devices, EmbeddingMatcher embeddings) {
        this(devices, List.of(new TemplateMatcher(), embeddings), embeddings);
    }

    /** Templates only: for tests and tools that do not load a model. */
    public NluService(Devices devices) {
        this(devices, List.of(new TemplateMatcher()), null);
    }

    public NluService(Devices devices, List<IntentMatcher> matchers) {
        this(devices, matchers, null);
    }

    private NluService(Devices devices, List<IntentMatcher> matchers, EmbeddingMatcher embeddings) {
        this.devices = devices;
        this.matchers = List.copyOf(matchers);
        this.embeddings = embeddings;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEncoder(SentenceEncoder encoder) {
        if (embeddings != null) {
            embeddings.addEncoder(encoder);
            LOG.info("Understanding {} by meaning too, with {}", encoder.lang(), encoder.model());
        }
    }

    void unbindEncoder(SentenceEncoder encoder) {
        if (embeddings != null) {
            embeddings.removeEncoder(encoder);
        }
    }

    /** A native nearest-example search, when the bundle that runs the encoders offers one; Java scans otherwise. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRowDots(RowDots rowDots) {
        if (embeddings != null) {
            embeddings.setRowDots(rowDots);
        }
    }

    void unbindRowDots(RowDots rowDots) {
        if (embeddings != null) {
            embeddings.unsetRowDots(rowDots);
        }
    }

    @Deactivate
    void deactivate() {
        if (embeddings != null) {
            embeddings.close();
        }
    }

    @Override
    public synchronized void register(String owner, SkillSpec spec) {
        catalog = catalog.with(owner, spec);
        matchers.forEach(m -> m.update(catalog));
        LOG.info("Understanding {} intents of {}", spec.intents().size(), owner);
    }

    @Override
    public synchronized void unregister(String owner) {
        catalog = catalog.without(owner);
        matchers.forEach(m -> m.update(catalog));
        LOG.info("No longer understanding the intents of {}", owner);
    }

    @Override
    public java.util.Set<String> modelLanguages() {
        return embeddings == null ? java.util.Set.of() : embeddings.readyLanguages();
    }

    @Override
    public synchronized java.util.Set<String> intents() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        catalog.specs().forEach(spec -> spec.intents().forEach(i -> names.add(i.name())));
        return names;
    }

    @Override
    public Optional<Intent> parse(Utterance utterance, List<String> referents) {
        String text = utterance.text().strip();
        List<String> tokens = Text.tokens(text);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        String lang = utterance.lang() != null && !utterance.lang().isBlank() ? utterance.lang()
                : Text.language(text);
        Lexicon lex = lexicon();
        Query whole = Query.of(text, lang, tokens, lex, referents);
        // templates first, on the words as said and then without polite fillers ("帮我…", "could you … please"),
        // and only then the model, which reads the whole text, fillers and all
        Optional<IntentMatcher.Candidate> found = match(whole, false);
        if (found.isEmpty()) {
            List<String> core = Fillers.strip(tokens);
            if (core.size() < tokens.size()) {
                found = match(Query.of(text, lang, core, lex, referents), false);
            }
        }
        if (found.isEmpty()) {
            found = match(whole, true);
        }
        return found.map(c -> {
            Intent.Builder b = Intent.builder(c.intent()).lang(lang).text(text).wearer(utterance.wearer())
                    .room(lex.roomId(utterance.room())).position(utterance.position()).confidence(c.confidence());
            c.slots().values().forEach(b::slot);
            return b.build();
        });
    }

    /** The templates' answer ({@code model} false), or the model's (true). */
    private Optional<IntentMatcher.Candidate> match(Query q, boolean model) {
        for (IntentMatcher m : matchers) {
            if ((m == embeddings) != model) {
                continue;
            }
            Optional<IntentMatcher.Candidate> c = m.match(q);
            if (c.isPresent() && !namesNothing(c.get())) {
                return c;
            }
        }
        return Optional.empty();
    }

    /**
     * An answer to the hub's question ("the bedroom one", "the floor lamp") whose device names nothing in the
     * home: "set radio" is not the answer "the device called set radio", so the later matchers get their turn.
     */
    private static boolean namesNothing(IntentMatcher.Candidate c) {
        Slot device = c.intent().startsWith("dialog.") ? c.slots().get("device") : null;
        return device != null && device.value() == null && device.candidates().isEmpty();
    }

    /** The registry's names, rebuilt only when a device or room was added, removed or renamed. */
    private Lexicon lexicon() {
        Lexicon current = lexicon;
        long revision = devices.revision();
        if (current.revision() != revision) {
            current = new Lexicon(devices.rooms(), devices.all(), revision);
            lexicon = current;
        }
        return current;
    }
}
