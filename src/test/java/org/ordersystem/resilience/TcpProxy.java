package org.ordersystem.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on loopback that sits between the application and PostgreSQL or Redis
 * and can make the network misbehave while the test runs:
 * <ul>
 * <li>{@link #delay(Duration)}: every chunk, in each direction, is held back that long (order is kept);</li>
 * <li>{@link #stall()} / {@link #resume()}: nothing is forwarded, the connections stay open and the
 * bytes wait in the proxy (a hung peer, a congested link); {@code resume} delivers them;</li>
 * <li>{@link #cut()}: every open connection is reset (RST) at once;</li>
 * <li>{@link #refuse(boolean)}: new connections are reset as soon as they arrive (a partition).</li>
 * </ul>
 * Plain sockets and two threads per direction; the test's own, so no dependency is needed.
 */
final class TcpProxy implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private volatile long delayNanos;
    private volatile boolean stalled;
    private volatile boolean refusing;
    private volatile boolean closed;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on a free loopback port in front of 127.0.0.1:{@code targetPort}. */
    static TcpProxy to(int targetPort) {
        try {
            return new TcpProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** One-way latency added to every chunk in both directions; zero for none. */
    void delay(Duration oneWay) {
        delayNanos = oneWay.toNanos();
    }

    void stall() {
        stalled = true;
    }

    void resume() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    void refuse(boolean refuse) {
        refusing = refuse;
    }

    /** Resets every open connection; returns how many there were. */
    int cut() {
        int count = 0;
        for (Link link : links) {
            link.reset();
            count++;
        }
        return count;
    }

    /** Back to a plain, transparent forwarder. */
    void heal() {
        refuse(false);
        delay(Duration.ZERO);
        resume();
    }

    /** Connections currently open through the proxy. */
    int openConnections() {
        return links.size();
    }

    long acceptedConnections() {
        return accepted.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
        cut();
        resume();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            }
            catch (IOException ex) {
                if (closed) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            if (refusing) {
                reset(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 1000);
            }
            catch (IOException ex) {
                // the service behind is down: the client sees a reset, as with a closed port
                reset(client);
                closeQuietly(upstream);
                continue;
            }
            Link link = new Link(client, upstream);
            links.add(link);
            link.start();
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        }
        catch (SocketException ignored) {
            // closed already
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // nothing to do
        }
    }

    /** One proxied connection: client to upstream and back, each with a reader and a writer thread. */
    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private final AtomicLong finished = new AtomicLong();
        private volatile boolean broken;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            pipe(client, upstream, "up");
            pipe(upstream, client, "down");
        }

        private void pipe(Socket from, Socket to, String direction) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> read(from, queue), "tcp-proxy-" + direction + "-read");
            Thread writer = new Thread(() -> write(to, queue), "tcp-proxy-" + direction + "-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        private void read(Socket from, BlockingQueue<Chunk> queue) {
            byte[] buffer = new byte[64 * 1024];
            try {
                InputStream in = from.getInputStream();
                int count;
                while ((count = in.read(buffer)) >= 0) {
                    queue.add(new Chunk(Arrays.copyOf(buffer, count), System.nanoTime() + delayNanos));
                }
                queue.add(new Chunk(END, System.nanoTime() + delayNanos));
            }
            catch (IOException ex) {
                queue.add(new Chunk(null, 0));
            }
        }

        private void write(Socket to, BlockingQueue<Chunk> queue) {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk.bytes() == null) {
                        reset();
                        return;
                    }
                    waitWhileStalled();
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (broken) {
                        return;
                    }
                    if (chunk.bytes() == END) {
                        to.shutdownOutput();
                        done();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            }
            catch (IOException ex) {
                reset();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                reset();
            }
        }

        private void waitWhileStalled() throws InterruptedException {
            synchronized (gate) {
                while (stalled && !broken && !closed) {
                    gate.wait(100);
                }
            }
        }

        /** Both directions ended cleanly. */
        private void done() {
            if (finished.incrementAndGet() == 2) {
                closeQuietly(client);
                closeQuietly(upstream);
                links.remove(this);
            }
        }

        void reset() {
            broken = true;
            TcpProxy.reset(client);
            TcpProxy.reset(upstream);
            links.remove(this);
        }
    }

    private record Chunk(byte[] bytes, long due) {
    }
}
