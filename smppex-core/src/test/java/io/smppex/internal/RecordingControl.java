package io.smppex.internal;

import io.smppex.StopReason;
import java.util.ArrayList;
import java.util.List;

/** An {@link EngineControl} for testing a part alone: records what the part asked for. */
final class RecordingControl implements EngineControl {
    record End(StopReason reason, boolean unbindFirst) {
    }

    final List<End> ends = new ArrayList<>();
    final List<StopReason> unbindsDone = new ArrayList<>();
    int windowFreed;
    int enquireLinks;
    boolean ended;
    boolean mayEnquire = true;

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public void end(StopReason reason, boolean unbindFirst) {
        ends.add(new End(reason, unbindFirst));
    }

    @Override
    public void unbindDone(StopReason orElse) {
        unbindsDone.add(orElse);
    }

    @Override
    public void windowFreed() {
        windowFreed++;
    }

    @Override
    public boolean mayEnquire() {
        return mayEnquire;
    }

    @Override
    public void enquireLink() {
        enquireLinks++;
    }
}
