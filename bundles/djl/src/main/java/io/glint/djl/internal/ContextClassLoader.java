package io.glint.djl.internal;

/**
 * Sets the thread context class loader for a try-with-resources block. DJL finds its engines, model zoos and native
 * library descriptors through the context class loader; inside OSGi that must be this bundle's, whatever thread
 * calls.
 */
final class ContextClassLoader implements AutoCloseable {
    private final Thread thread;
    private final ClassLoader previous;

    private ContextClassLoader(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    static ContextClassLoader set(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ContextClassLoader scope = new ContextClassLoader(thread, thread.getContextClassLoader());
        thread.setContextClassLoader(loader);
        return scope;
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
