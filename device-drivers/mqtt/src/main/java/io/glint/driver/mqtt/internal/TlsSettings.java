package io.glint.driver.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import io.glint.paho.NoDelaySslSocketFactory;

/**
 * TLS for {@code ssl://} and {@code mqtts://} brokers, from the driver's configuration: whom to trust (a PEM CA
 * certificate or a PKCS12/JKS trust store; empty: the JDK's certificate authorities) and the hub's own certificate
 * for brokers that require one (a PKCS12/JKS key store). Everything is read and checked before connecting, so a
 * wrong setting is reported by its name with what to do, instead of as a handshake failure.
 *
 * @param trustStorePath     CA certificate(s) in PEM, or a PKCS12/JKS trust store; empty: the JDK's CAs
 * @param trustStorePassword the trust store's password; empty for PEM files and password-less stores
 * @param trustStoreType     {@code PEM}, {@code PKCS12}, {@code JKS}; empty: PEM when the file is PEM, else PKCS12
 *                           (which also reads JKS)
 * @param keyStorePath       the hub's certificate and private key as PKCS12 (or JKS); empty: no client certificate
 * @param keyStorePassword   its password, which must also be the key's
 * @param keyStoreType       {@code PKCS12} or {@code JKS}; empty: PKCS12
 * @param verifyHostname     whether the broker's certificate must name the host in the broker URI
 */
record TlsSettings(String trustStorePath, String trustStorePassword, String trustStoreType, String keyStorePath,
        String keyStorePassword, String keyStoreType, boolean verifyHostname) {

    /** Nothing configured: the JDK's CAs, no client certificate, host names checked. */
    static final TlsSettings DEFAULT = new TlsSettings("", "", "", "", "", "", true);

    private static final String PEM = "PEM";
    private static final String CONF = "conf/" + MqttDriver.PID + ".cfg";

    TlsSettings {
        trustStorePath = trim(trustStorePath);
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
        trustStoreType = trim(trustStoreType);
        keyStorePath = trim(keyStorePath);
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
        keyStoreType = trim(keyStoreType);
    }

    static TlsSettings of(MqttDriverConfig c) {
        return new TlsSettings(c.trustStorePath(), c.trustStorePassword(), c.trustStoreType(), c.keyStorePath(),
                c.keyStorePassword(), c.keyStoreType(), c.verifyHostname());
    }

    /** Whether any TLS file is configured (they only apply to ssl:// and mqtts:// brokers). */
    boolean configured() {
        return !trustStorePath.isEmpty() || !keyStorePath.isEmpty();
    }

    /** A setting that cannot be used, by its name, with what to do about it. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String setting;

        Invalid(String setting, String message, Throwable cause) {
            super(message, cause);
            this.setting = setting;
        }

        /** The configuration property at fault, e.g. {@code trustStorePassword}. */
        String setting() {
            return setting;
        }
    }

    /**
     * The socket factory for Paho's {@code ssl://}: a TLS context with these stores, sockets with
     * {@code TCP_NODELAY} on.
     *
     * @throws Invalid when a file is missing or unreadable, a password does not open its store, a type is
     *                 unknown, or a store holds nothing usable
     */
    SSLSocketFactory socketFactory() throws Invalid {
        TrustManagerFactory trust;
        KeyManager[] keys = null;
        try {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStorePath.isEmpty() ? null : trustStore());
            if (!keyStorePath.isEmpty()) {
                KeyStore store = load("keyStore", keyStorePath, keyStorePassword,
                        keyStoreType.isEmpty() ? "PKCS12" : keyStoreType);
                if (!hasKey(store)) {
                    throw new Invalid("keyStorePath", "keyStorePath " + keyStorePath + " holds no private key with"
                            + " its certificate. Make one from the hub's PEM certificate and key with `openssl"
                            + " pkcs12 -export -in hub.crt -inkey hub.key -out hub.p12` and set keyStorePassword to"
                            + " the export password.", null);
                }
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                try {
                    factory.init(store, keyStorePassword.toCharArray());
                } catch (UnrecoverableKeyException e) {
                    throw new Invalid("keyStorePassword", "The private key in keyStorePath " + keyStorePath
                            + " has a password other than keyStorePassword; the hub needs both to be the same"
                            + " (re-export the key store with one password).", e);
                }
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return new NoDelaySslSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new Invalid(trustStorePath.isEmpty() ? "keyStorePath" : "trustStorePath",
                    "TLS cannot be set up with these stores: " + e.getMessage(), e);
        }
    }

    private KeyStore trustStore() throws Invalid, GeneralSecurityException {
        Path path = readable("trustStorePath", trustStorePath);
        String type = trustStoreType.isEmpty() ? (isPem(path) ? PEM : "PKCS12") : trustStoreType;
        KeyStore store;
        if (type.equalsIgnoreCase(PEM)) {
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(path)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (IOException | CertificateException e) {
                throw new Invalid("trustStorePath", "trustStorePath " + trustStorePath + " is not a PEM certificate"
                        + " file (" + e.getMessage() + "). Point it at the CA certificate that signed the broker's"
                        + " certificate (Mosquitto's cafile), or set trustStoreType to PKCS12 or JKS for a trust"
                        + " store.", e);
            }
            store = KeyStore.getInstance("PKCS12");
            try {
                store.load(null, null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            int n = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("ca-" + n++, c);
            }
        } else {
            store = load("trustStore", trustStorePath, trustStorePassword, type);
        }
        if (!hasCertificate(store)) {
            throw new Invalid("trustStorePath", "trustStorePath " + trustStorePath + " holds no certificate"
                    + (trustStorePassword.isEmpty() ? " readable without a password: set trustStorePassword" : "")
                    + ". It must hold the CA certificate that signed the broker's certificate.", null);
        }
        return store;
    }

    /** {@code name} is "trustStore" or "keyStore": the settings are that plus Path, Password and Type. */
    private static KeyStore load(String name, String file, String password, String type) throws Invalid {
        Path path = readable(name + "Path", file);
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw new Invalid(name + "Type", name + "Type " + type + " is not a store type this Java knows: use "
                    + ("trustStore".equals(name) ? "PEM, " : "") + "PKCS12 or JKS.", e);
        }
        try (InputStream in = Files.newInputStream(path)) {
            // A trust store may be read without its password (the integrity check is skipped); a key store's
            // password also decrypts the key, so an empty one is tried as the empty password.
            store.load(in, password.isEmpty() && "trustStore".equals(name) ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            if (causedBy(e, UnrecoverableKeyException.class) || String.valueOf(e.getMessage()).contains("password")) {
                throw new Invalid(name + "Password", name + "Password does not open " + name + "Path " + file
                        + (password.isEmpty() ? " (it is empty; the file needs one)" : " (wrong password?)")
                        + ". Set " + name + "Password to the password the file was made with.", e);
            }
            if ("keyStore".equals(name) && isPem(path)) {
                throw new Invalid(name + "Path", name + "Path " + file + " is a PEM file; the hub's certificate and"
                        + " key must be one PKCS12 file. Make it with `openssl pkcs12 -export -in hub.crt -inkey"
                        + " hub.key -out hub.p12` and set keyStorePassword to the export password.", e);
            }
            throw new Invalid(name + "Path", name + "Path " + file + " cannot be read as a " + type + " store ("
                    + e.getMessage() + "). Check the file, or set " + name + "Type to what it is ("
                    + ("trustStore".equals(name) ? "PEM, " : "") + "PKCS12 or JKS).", e);
        } catch (GeneralSecurityException e) {
            throw new Invalid(name + "Path", name + "Path " + file + " cannot be read as a " + type + " store: "
                    + e.getMessage(), e);
        }
    }

    private static Path readable(String setting, String file) throws Invalid {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new Invalid(setting, setting + " " + file + " does not exist" + (path.isAbsolute() ? ""
                    : " (relative to " + Path.of("").toAbsolutePath() + ")") + ". Fix the path in " + CONF + ", or"
                    + " leave " + setting + " empty" + ("trustStorePath".equals(setting)
                            ? " to trust the certificate authorities Java trusts." : " to connect without a client"
                                    + " certificate."), null);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new Invalid(setting, setting + " " + file + " is not a file the hub can read; check that it is a"
                    + " file and its permissions allow the user running the hub to read it.", null);
        }
        return path;
    }

    private static boolean isPem(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(64);
            return new String(head, StandardCharsets.US_ASCII).stripLeading().startsWith("-----BEGIN");
        } catch (IOException e) {
            return false; // reading it as a store will say what is wrong
        }
    }

    private static boolean hasCertificate(KeyStore store) throws KeyStoreException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasKey(KeyStore store) throws KeyStoreException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a failed TLS connection means for the person configuring the hub, naming the setting to change; null
     * when the failure is not about TLS (the broker is down, say).
     *
     * @param failure what Paho reported, with its causes
     * @param host    the broker's host as written in the URI
     */
    String explain(Throwable failure, String host) {
        String text = messages(failure).toLowerCase(Locale.ROOT);
        if (causedBy(failure, CertificateExpiredException.class)
                || causedBy(failure, CertificateNotYetValidException.class)) {
            return "the broker's certificate is expired or not yet valid (check the broker's certificate and this"
                    + " machine's clock).";
        }
        if (text.contains("no subject alternative") || text.contains("no name matching")) {
            return "the broker's certificate does not name " + host + ". Put " + host + " in the certificate's"
                    + " subjectAltName, use a name the certificate has in brokerUri, or set verifyHostname = false"
                    + " (then any certificate your trust store trusts is accepted for this broker).";
        }
        if (causedBy(failure, CertPathBuilderException.class) || causedBy(failure, CertPathValidatorException.class)
                || text.contains("pkix path") || text.contains("unable to find valid certification path")) {
            return "the broker's certificate is not trusted: " + (trustStorePath.isEmpty()
                    ? "no trustStorePath is set, so only the certificate authorities Java ships are trusted"
                    : "trustStorePath " + trustStorePath + " does not hold the CA that signed it")
                    + ". Set trustStorePath to the CA certificate the broker's certificate was signed with"
                    + " (Mosquitto's cafile, a PEM file).";
        }
        if (text.contains("certificate_required") || text.contains("bad_certificate")
                || text.contains("unknown_ca") || text.contains("certificate_unknown")
                || text.contains("handshake_failure") && keyStorePath.isEmpty()) {
            return keyStorePath.isEmpty()
                    ? "the broker requires a client certificate and none is configured. Set keyStorePath (and"
                            + " keyStorePassword) to a PKCS12 file with the hub's certificate and private key,"
                            + " signed by a CA the broker trusts."
                    : "the broker did not accept the hub's certificate from keyStorePath " + keyStorePath
                            + ". It must be signed by a CA the broker trusts (Mosquitto's cafile) and be valid now.";
        }
        if (text.contains("unrecognized ssl message") || text.contains("plaintext connection")) {
            return "the broker does not speak TLS on that port. Use its TLS port (often 8883) in brokerUri, or"
                    + " tcp:// for an unencrypted listener.";
        }
        if (causedBy(failure, SSLException.class)) {
            return "the TLS handshake failed: " + innermost(failure)
                    + (keyStorePath.isEmpty() ? " (if the broker requires client certificates, set keyStorePath)"
                            : "") + ".";
        }
        return null;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (Arrays.stream(c.getSuppressed()).anyMatch(type::isInstance)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String innermost(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
