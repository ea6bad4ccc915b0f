package org.ordersystem.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM (GreenMail) on one fixed port, which a test can stop
 * and start again, or replace by a server that accepts connections and never answers.
 * Messages received by every incarnation are kept.
 */
final class TestSmtp implements AutoCloseable {

    private static final long STARTUP_TIMEOUT_MS = 30_000;

    private final int port = freePort();
    private final List<MimeMessage> earlier = new ArrayList<>();
    private GreenMail server;
    private ServerSocket hanging;
    private final List<Socket> held = new ArrayList<>();

    int port() {
        return port;
    }

    synchronized void start() {
        if (server == null) {
            // the default 2 s start-up wait is too short on a busy CI machine
            ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (true) {
                GreenMail candidate = new GreenMail(setup);
                try {
                    candidate.start();
                    server = candidate;
                    return;
                }
                catch (IllegalStateException ex) {
                    // the port of the hanging server just closed may still be taken for a moment
                    candidate.stop();
                    if (System.nanoTime() > deadline) {
                        throw ex;
                    }
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    synchronized void stop() {
        if (server != null) {
            earlier.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Takes the port with a server that accepts connections and never says a word. */
    synchronized void hang() {
        stop();
        try {
            hanging = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread acceptor = new Thread(() -> {
            while (!hanging.isClosed()) {
                try {
                    Socket socket = hanging.accept();
                    synchronized (held) {
                        held.add(socket);
                    }
                }
                catch (IOException ex) {
                    return;
                }
            }
        }, "hanging-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized void unhang() {
        if (hanging != null) {
            close(hanging);
            hanging = null;
            synchronized (held) {
                // reset, not closed: a closed connection would hold the port in TIME_WAIT
                held.forEach(TestSmtp::reset);
                held.clear();
            }
        }
    }

    /** Every message any incarnation received for this recipient. */
    synchronized List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all.stream().filter(message -> addressedTo(message, address)).toList();
    }

    @Override
    public synchronized void close() {
        unhang();
        stop();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().contains(address));
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        }
        catch (IOException ex) {
            // closed below either way
        }
        close(socket);
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // closing a test server
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
