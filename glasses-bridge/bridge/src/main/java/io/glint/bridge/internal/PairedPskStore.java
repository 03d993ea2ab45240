package io.glint.bridge.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.bridge.pairing.Pair;
import io.glint.bridge.pairing.PairingStore;

/**
 * Scandium's key lookup, answered from the pairing file at every handshake: a pair added by {@code glint pair} is
 * accepted at once, an unknown identity gets no key and its handshake fails.
 */
final class PairedPskStore implements AdvancedPskStore {
    private static final Logger LOG = LoggerFactory.getLogger(PairedPskStore.class);

    private final PairingStore store;

    PairedPskStore(PairingStore store) {
        this.store = store;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName,
            PskPublicInformation identity, String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
            boolean useExtendedMasterSecret) {
        Optional<Pair> pair = lookup(identity.getPublicInfoAsString());
        if (pair.isEmpty()) {
            LOG.warn("DTLS handshake refused: \"{}\" is not a paired pair of glasses", identity.getPublicInfoAsString());
            return new PskSecretResult(cid, identity, null);
        }
        SecretKey secret = SecretUtil.create(pair.get().secret(), PskSecretResult.ALGORITHM_PSK);
        return new PskSecretResult(cid, identity, secret);
    }

    private Optional<Pair> lookup(String identity) {
        try {
            return store.find(identity);
        } catch (IOException e) {
            LOG.error("Cannot read the pairing file, refusing every handshake until it is fixed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null; // a server never starts a handshake
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // every answer is synchronous
    }
}
