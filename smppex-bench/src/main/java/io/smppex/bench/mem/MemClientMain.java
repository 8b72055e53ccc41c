package io.smppex.bench.mem;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * The idle-session client in its own JVM. Commands on stdin: {@code bind <n>} →
 * {@code BOUND <total>} or {@code FAILED <why>}; {@code closeall} → {@code CLOSED};
 * {@code quit} or end of input → exit.
 *
 * <p>Arguments: {@code <port>}.
 */
public final class MemClientMain {
    private MemClientMain() {
    }

    public static void main(String[] args) throws Exception {
        RawBindClient client = new RawBindClient(Integer.parseInt(args[0]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("bind")) {
                try {
                    System.out.println("BOUND " + client.bind(Integer.parseInt(f[1]), 300_000));
                } catch (Exception e) {
                    System.out.println("FAILED " + e.getMessage());
                }
            } else if (f[0].equals("closeall")) {
                client.closeAll();
                System.out.println("CLOSED");
            } else if (f[0].equals("quit")) {
                break;
            }
            System.out.flush();
        }
        client.close();
        System.exit(0);
    }
}
