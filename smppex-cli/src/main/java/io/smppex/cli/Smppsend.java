package io.smppex.cli;

/** Entry point of {@code bin/smppsend}: the funbox smppsend command line, on SMPPEX for Java. */
public final class Smppsend {
    private Smppsend() {
    }

    public static void main(String[] args) {
        System.exit(Main.runProcess(args, true));
    }
}
