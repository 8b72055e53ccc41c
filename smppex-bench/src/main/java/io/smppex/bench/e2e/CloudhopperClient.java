package io.smppex.bench.e2e;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.type.Address;
import io.smppex.bench.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Cloudhopper's {@link DefaultSmppClient} as its performance example drives it: one sending
 * thread per session calling {@code sendRequestPdu(pdu, timeout, false)} with a new submit_sm each
 * time, responses arriving in {@code fireExpectedPduResponseReceived}. The session window is
 * {@code window}; a semaphore of the same size paces the sender so that the send timestamp is
 * taken when a slot is free (Cloudhopper's window would block the sender at the same point).
 * PDU and byte logging off.
 */
public final class CloudhopperClient implements LoadClient {
    private final ExecutorService executor = Executors.newCachedThreadPool(CloudhopperServer.daemon("ch-client"));
    private final ScheduledExecutorService monitor = Executors.newScheduledThreadPool(1, CloudhopperServer.daemon("ch-client-monitor"));
    private DefaultSmppClient client;
    private final List<SmppSession> sessions = new ArrayList<>();
    private final List<Handler> handlers = new ArrayList<>();
    private int window;

    @Override
    public void open(String host, int port, int n, int window) throws Exception {
        this.window = window;
        client = new DefaultSmppClient(executor, n, monitor);
        for (int i = 0; i < n; i++) {
            SmppSessionConfiguration cfg = new SmppSessionConfiguration(SmppBindType.TRANSMITTER, "bench", "bench");
            cfg.setName("bench-client-" + i);
            cfg.setHost(host);
            cfg.setPort(port);
            cfg.setWindowSize(window);
            cfg.setConnectTimeout(10_000);
            cfg.setBindTimeout(10_000);
            cfg.setRequestExpiryTimeout(30_000);
            cfg.setWindowMonitorInterval(15_000);
            cfg.getLoggingOptions().setLogPdu(false);
            cfg.getLoggingOptions().setLogBytes(false);
            Handler h = new Handler();
            handlers.add(h);
            sessions.add(client.bind(cfg, h));
        }
    }

    @Override
    public long run(long count, ConcurrentHistogram latency, long timeoutMillis) throws Exception {
        CountDownLatch done = new CountDownLatch(sessions.size());
        LongAdder errors = new LongAdder();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SmppSession s = sessions.get(i);
            Handler h = handlers.get(i);
            long total = LoadClient.share(count, sessions.size(), i);
            h.reset(total, latency, errors, done, window);
            if (total == 0) {
                done.countDown();
                continue;
            }
            Thread t = new Thread(() -> send(s, h, total, errors), "ch-sender-" + i);
            t.setDaemon(true);
            senders.add(t);
            t.start();
        }
        if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            for (Thread t : senders) {
                t.interrupt();
            }
            throw new TimeoutException("Cloudhopper client: not every submit_sm was answered within " + timeoutMillis + " ms");
        }
        return errors.sum();
    }

    private static void send(SmppSession s, Handler h, long total, LongAdder errors) {
        for (long i = 0; i < total; i++) {
            try {
                h.permits.acquire();
                SubmitSm pdu = new SubmitSm();
                pdu.setServiceType(Fixtures.SERVICE_TYPE);
                pdu.setSourceAddress(new Address((byte) Fixtures.SOURCE_TON, (byte) Fixtures.SOURCE_NPI, Fixtures.SOURCE_ADDR));
                pdu.setDestAddress(new Address((byte) Fixtures.DEST_TON, (byte) Fixtures.DEST_NPI, Fixtures.DEST_ADDR));
                pdu.setRegisteredDelivery((byte) Fixtures.REGISTERED_DELIVERY);
                pdu.setDataCoding((byte) Fixtures.DATA_CODING);
                pdu.setShortMessage(Fixtures.SUBMIT_SHORT_MESSAGE);
                pdu.setReferenceObject(System.nanoTime());
                s.sendRequestPdu(pdu, 30_000, false);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                errors.increment();
                h.answered(0);
            }
        }
    }

    private static final class Handler extends DefaultSmppSessionHandler {
        final Semaphore permits = new Semaphore(0);
        private final AtomicLong answered = new AtomicLong();
        private volatile long total;
        private volatile ConcurrentHistogram latency;
        private volatile LongAdder errors;
        private volatile CountDownLatch done;

        void reset(long total, ConcurrentHistogram latency, LongAdder errors, CountDownLatch done, int window) {
            this.total = total;
            this.latency = latency;
            this.errors = errors;
            this.done = done;
            answered.set(0);
            permits.drainPermits();
            permits.release(window);
        }

        void answered(long t0) {
            if (t0 != 0 && latency != null) {
                latency.recordValue(System.nanoTime() - t0);
            }
            permits.release();
            if (answered.incrementAndGet() == total) {
                done.countDown();
            }
        }

        @Override
        public void fireExpectedPduResponseReceived(PduAsyncResponse r) {
            if (r.getResponse().getCommandStatus() != 0) {
                errors.increment();
            }
            Object t0 = r.getRequest().getReferenceObject();
            answered(t0 instanceof Long ? (Long) t0 : 0);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void firePduRequestExpired(PduRequest request) {
            errors.increment();
            answered(0);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public PduResponse firePduRequestReceived(PduRequest request) {
            return request.createResponse();
        }
    }

    @Override
    public void close() {
        for (SmppSession s : sessions) {
            try {
                s.unbind(5_000);
            } catch (RuntimeException ignored) {
                // closing anyway
            }
            s.destroy();
        }
        sessions.clear();
        handlers.clear();
        if (client != null) {
            client.destroy();
        }
        executor.shutdownNow();
        monitor.shutdownNow();
    }
}
