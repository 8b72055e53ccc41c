package io.smppex.bench.e2e;

import io.smppex.bench.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * jSMPP's {@link SMPPSession}, whose {@code submitShortMessage} blocks until the response: the
 * only way to have {@code window} requests in flight is {@code window} threads each calling it in
 * a loop, which is what this does (a fixed pool of {@code window} threads per session). The
 * session hands received PDUs to 2 processor threads per core through a queue of twice the
 * window, and waits up to 30 s for a response.
 */
public final class JsmppClient implements LoadClient {
    private final List<SMPPSession> sessions = new ArrayList<>();
    private final List<ExecutorService> senders = new ArrayList<>();
    private int window;

    private static final TypeOfNumber SRC_TON = TypeOfNumber.valueOf((byte) Fixtures.SOURCE_TON);
    private static final NumberingPlanIndicator SRC_NPI = NumberingPlanIndicator.valueOf((byte) Fixtures.SOURCE_NPI);
    private static final TypeOfNumber DST_TON = TypeOfNumber.valueOf((byte) Fixtures.DEST_TON);
    private static final NumberingPlanIndicator DST_NPI = NumberingPlanIndicator.valueOf((byte) Fixtures.DEST_NPI);
    private static final DataCoding DC = DataCodings.newInstance((byte) Fixtures.DATA_CODING);

    @Override
    public void open(String host, int port, int n, int window) throws Exception {
        this.window = window;
        for (int i = 0; i < n; i++) {
            SMPPSession s = new SMPPSession();
            s.setPduProcessorDegree(2 * Runtime.getRuntime().availableProcessors());
            s.setQueueCapacity(Math.max(100, 2 * window));
            s.setTransactionTimer(30_000);
            s.connectAndBind(host, port, new BindParameter(BindType.BIND_TX, "bench", "bench", "",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
            sessions.add(s);
            senders.add(Executors.newFixedThreadPool(window, CloudhopperServer.daemon("jsmpp-sender-" + i)));
        }
    }

    @Override
    public long run(long count, ConcurrentHistogram latency, long timeoutMillis) throws Exception {
        CountDownLatch done = new CountDownLatch(sessions.size());
        LongAdder errors = new LongAdder();
        for (int i = 0; i < sessions.size(); i++) {
            SMPPSession s = sessions.get(i);
            long total = LoadClient.share(count, sessions.size(), i);
            if (total == 0) {
                done.countDown();
                continue;
            }
            AtomicLong toSend = new AtomicLong(total);
            AtomicLong answered = new AtomicLong();
            for (int t = 0; t < window; t++) {
                senders.get(i).execute(() -> {
                    while (toSend.getAndDecrement() > 0) {
                        long t0 = System.nanoTime();
                        try {
                            s.submitShortMessage(Fixtures.SERVICE_TYPE, SRC_TON, SRC_NPI, Fixtures.SOURCE_ADDR, DST_TON,
                                    DST_NPI, Fixtures.DEST_ADDR, new ESMClass(), (byte) 0, (byte) 0, null, null,
                                    new RegisteredDelivery(Fixtures.REGISTERED_DELIVERY), (byte) 0, DC, (byte) 0,
                                    Fixtures.SUBMIT_SHORT_MESSAGE);
                        } catch (Exception e) {
                            errors.increment();
                        }
                        if (latency != null) {
                            latency.recordValue(System.nanoTime() - t0);
                        }
                        if (answered.incrementAndGet() == total) {
                            done.countDown();
                        }
                    }
                });
            }
        }
        if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("jSMPP client: not every submit_sm was answered within " + timeoutMillis + " ms");
        }
        return errors.sum();
    }

    @Override
    public void close() {
        for (ExecutorService e : senders) {
            e.shutdownNow();
        }
        for (SMPPSession s : sessions) {
            s.unbindAndClose();
        }
        sessions.clear();
        senders.clear();
    }
}
