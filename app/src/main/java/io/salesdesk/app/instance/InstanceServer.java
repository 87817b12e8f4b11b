package io.salesdesk.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running window's ear: a loopback socket that takes a request from a second start of SalesDesk
 * on the same workspace and passes it on. A request is the token, then the template file's path
 * (empty to only show the window), both as {@link DataOutputStream#writeUTF} strings; the answer is
 * {@link #ACCEPTED} or {@link #REFUSED}.
 */
public final class InstanceServer implements AutoCloseable {

    static final String ACCEPTED = "OK";
    static final String REFUSED = "REFUSED";
    /** A request is a few hundred bytes; a client that sends nothing is not waited for long. */
    static final int READ_TIMEOUT_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(InstanceServer.class);

    private final Path dir;
    private final ServerSocket socket;
    private final InstanceAddress address;
    private final Consumer<WindowRequest> requests;
    private volatile boolean closed;

    private InstanceServer(Path dir, ServerSocket socket, Consumer<WindowRequest> requests) {
        this.dir = dir;
        this.socket = socket;
        this.address = InstanceAddress.fresh(socket.getLocalPort());
        this.requests = requests;
    }

    /**
     * Listens on a free loopback port and writes its address to {@code dir} (replacing a stale one);
     * requests with the right token go to {@code requests}, on the server's own thread.
     */
    public static InstanceServer start(Path dir, Consumer<WindowRequest> requests) throws IOException {
        ServerSocket socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        InstanceServer server = new InstanceServer(dir, socket, requests);
        try {
            server.address.write(dir);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        Thread thread = new Thread(server::serve, "salesdesk-instance-server");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    /** Where the server listens, as written in the folder. */
    public InstanceAddress address() {
        return address;
    }

    private void serve() {
        while (!closed) {
            try (Socket client = socket.accept()) {
                answer(client);
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("A request to the window failed", e);
                }
            }
        }
    }

    private void answer(Socket client) throws IOException {
        client.setSoTimeout(READ_TIMEOUT_MILLIS);
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        String token = in.readUTF();
        String file = in.readUTF();
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                address.token().getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Refused a request to the window with a wrong token (another user of this machine?)");
            out.writeUTF(REFUSED);
            return;
        }
        WindowRequest request = file.isEmpty() ? WindowRequest.show() : WindowRequest.open(Path.of(file));
        LOG.info("Another start of SalesDesk handed over: {}", request);
        requests.accept(request);
        out.writeUTF(ACCEPTED);
    }

    /** Stops listening and removes the address file. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the window's socket failed", e);
        }
        try {
            address.delete(dir);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dir.resolve(InstanceAddress.FILE_NAME), e.getMessage());
        }
    }
}
