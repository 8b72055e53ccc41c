package io.smppex.internal;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.smppex.SessionOptions;

/** The pipeline every session runs on: [TLS] → framing/decoding → the session engine. */
public final class Pipelines {
    public static final String TLS = "tls";
    public static final String DECODER = "smpp-decoder";
    public static final String SESSION = "smpp-session";

    private Pipelines() {
    }

    public static void configure(ChannelPipeline p, SslHandler tls, SessionOptions options, SessionEngine engine) {
        if (tls != null) {
            p.addLast(TLS, tls);
        }
        p.addLast(DECODER, new SmppFrameDecoder(options.codec(), engine.capturesOctets()));
        p.addLast(SESSION, engine);
    }
}
