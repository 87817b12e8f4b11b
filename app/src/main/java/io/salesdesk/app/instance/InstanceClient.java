package io.salesdesk.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A second start of SalesDesk passing its request to the window already open (see {@link InstanceServer}). */
public final class InstanceClient {

    /** What became of a request. */
    public enum Outcome {
        /** The window took it; this start has nothing left to do. */
        HANDED_OFF,
        /** Nobody answered at the address (a window that crashed, or one still starting). */
        NO_WINDOW,
        /** Something answered and refused the token. */
        REFUSED
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private InstanceClient() {
    }

    /** Sends {@code request} to the window at {@code address}. */
    public static Outcome send(InstanceAddress address, WindowRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.port()),
                    CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(InstanceServer.READ_TIMEOUT_MILLIS * 2);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF(address.token());
            out.writeUTF(request.templateFile().map(Object::toString).orElse(""));
            out.flush();
            String answer = new DataInputStream(socket.getInputStream()).readUTF();
            if (InstanceServer.ACCEPTED.equals(answer)) {
                return Outcome.HANDED_OFF;
            }
            return InstanceServer.REFUSED.equals(answer) ? Outcome.REFUSED : Outcome.NO_WINDOW;
        } catch (IOException e) {
            // Refused, timed out or an unrelated program now on the port: no window of ours there.
            return Outcome.NO_WINDOW;
        }
    }
}
