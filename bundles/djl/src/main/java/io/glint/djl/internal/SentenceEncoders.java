package io.glint.djl.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.nlu.RowDots;
import io.glint.api.nlu.SentenceEncoder;

/**
 * Registers one {@link SentenceEncoder} service per model as soon as that model is loaded. Loading takes a few
 * hundred milliseconds per model, so it runs on the component's own thread and activation returns at once; a model
 * that fails to load is logged and the others still come.
 * <p>
 * The files go to the bundle's data area, or to the folder named by the framework property {@value #DIR_PROPERTY}
 * (for short-lived frameworks with throwaway storage, which would otherwise copy ~100 MB at every start).
 */
@Component(immediate = true)
public final class SentenceEncoders {
    private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoders.class);
    static final String DIR_PROPERTY = "glint.djl.dir";
    static final String MODEL_PROPERTY = "glint.encoder.model";
    private static final long STOP_WAIT_SECONDS = 30;

    private final BundleContext context;
    private final ExecutorService loader;
    private final List<ServiceRegistration<SentenceEncoder>> registrations = new ArrayList<>();
    private final List<DjlSentenceEncoder> encoders = new ArrayList<>();
    private ServiceRegistration<RowDots> rowDotsRegistration;
    private OrtRowDots rowDots;
    private boolean stopped;

    @Activate
    public SentenceEncoders(BundleContext context) {
        this.context = context;
        Path home = home(context);
        EncoderLoader encoderLoader = new EncoderLoader(home, SentenceEncoders.class.getClassLoader(),
                ResourceDigests.parse(context.getBundle().getHeaders().get(ResourceDigests.HEADER)));
        this.loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glint-djl-loader");
            t.setDaemon(true);
            return t;
        });
        loader.execute(() -> loadAll(encoderLoader, home));
    }

    private static Path home(BundleContext context) {
        String configured = context.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        File data = context.getDataFile("");
        if (data == null) {
            throw new IllegalStateException("The framework gives io.glint.djl no data area: set the framework "
                    + "property " + DIR_PROPERTY + " to a writable folder for the models");
        }
        return data.toPath();
    }

    private void loadAll(EncoderLoader encoderLoader, Path home) {
        try {
            encoderLoader.prepare();
        } catch (Exception | LinkageError e) {
            LOG.error("No sentence encoders: ONNX Runtime could not be set up in {}: {}", home, explain(e), e);
            return;
        }
        registerRowDots();
        for (EncoderModel model : EncoderModel.values()) {
            if (isStopped()) {
                return;
            }
            long start = System.nanoTime();
            try {
                DjlSentenceEncoder encoder = encoderLoader.load(model);
                if (register(encoder)) {
                    LOG.info("Sentence encoder {} ready in {} ms", encoder, (System.nanoTime() - start) / 1_000_000);
                }
            } catch (Exception | LinkageError e) {
                LOG.error("Sentence encoder {} ({}) is unavailable: {}", model.id(), model.lang(), explain(e), e);
            }
        }
    }

    /** @return false if the component stopped meanwhile (the encoder is then closed) */
    private boolean register(DjlSentenceEncoder encoder) {
        synchronized (this) {
            if (!stopped) {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(SentenceEncoder.LANG_PROPERTY, encoder.lang());
                properties.put(MODEL_PROPERTY, encoder.model());
                registrations.add(context.registerService(SentenceEncoder.class, encoder, properties));
                encoders.add(encoder);
                return true;
            }
        }
        encoder.close();
        return false;
    }

    /** The native nearest-example search, before the encoders: the indexes built for them can use it at once. */
    private void registerRowDots() {
        OrtRowDots opened;
        try {
            opened = OrtRowDots.open(SentenceEncoders.class.getClassLoader());
        } catch (Exception | LinkageError e) {
            LOG.warn("The native row search is unavailable, understanding scans in Java: {}", e.getMessage(), e);
            return;
        }
        synchronized (this) {
            if (!stopped) {
                rowDots = opened;
                rowDotsRegistration = context.registerService(RowDots.class, opened, new Hashtable<>());
                return;
            }
        }
        opened.close();
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    @Deactivate
    void deactivate() {
        List<ServiceRegistration<SentenceEncoder>> toUnregister;
        List<DjlSentenceEncoder> toClose;
        ServiceRegistration<RowDots> rowDotsToUnregister;
        OrtRowDots rowDotsToClose;
        synchronized (this) {
            stopped = true;
            rowDotsToUnregister = rowDotsRegistration;
            rowDotsToClose = rowDots;
            rowDotsRegistration = null;
            rowDots = null;
            toUnregister = List.copyOf(registrations);
            toClose = List.copyOf(encoders);
            registrations.clear();
            encoders.clear();
        }
        for (ServiceRegistration<SentenceEncoder> registration : toUnregister) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        if (rowDotsToUnregister != null) {
            try {
                rowDotsToUnregister.unregister();
            } catch (IllegalStateException alreadyGone) {
                // as above
            }
            rowDotsToClose.close();
        }
        toClose.forEach(DjlSentenceEncoder::close);
        // A model being loaded cannot be interrupted (native code): let it finish, it closes itself.
        loader.shutdown();
        try {
            if (!loader.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("A sentence encoder was still loading {} s after io.glint.djl stopped", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The message of the failure, with what to do for the one failure a restart fixes. */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof UnsatisfiedLinkError && message.contains("already loaded in another classloader")) {
                return "its native library is still bound to an earlier instance of the io.glint.djl bundle (a "
                        + "native library belongs to one class loader per JVM): restart the hub after updating "
                        + "io.glint.djl";
            }
        }
        return failure.getMessage();
    }
}
