package org.energycommons.workbench.jobs.hackathon;

import java.util.List;

/** The frozen hackathon tasks, in their fixed order. */
public final class Tasks {

    /** Every task. */
    public static final List<HackathonTask> ALL = List.of(new SubstationLoadTask(), new DpeClassTask(),
            new FaultDetectionTask(), new SavingsTask(), new GasD1Task());

    private Tasks() {
    }

    /** The ids of every task, comma-separated, for messages. */
    public static String ids() {
        return String.join(", ", ALL.stream().map(HackathonTask::id).toList());
    }

    /**
     * The task of an id.
     *
     * @throws IllegalArgumentException naming the tasks when the id is unknown
     */
    public static HackathonTask of(String id) {
        for (HackathonTask t : ALL) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "' (tasks: " + ids() + ")");
    }
}
