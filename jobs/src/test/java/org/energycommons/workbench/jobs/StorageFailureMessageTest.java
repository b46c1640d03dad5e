package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The failure a disk refused is found under the wrappers Spark and Hadoop put around it, and said in one line. */
class StorageFailureMessageTest {

    @Test
    void aFullDiskUnderASparkTaskFailureNamesTheTableBeingWritten() {
        IOException disk = new IOException("No space left on device");
        RuntimeException fsError = new RuntimeException("org.apache.hadoop.fs.FSError: " + disk, disk);
        RuntimeException task = new RuntimeException("[TASK_WRITE_FAILED] Task failed while writing rows to "
                + "file:/ws/lake/bronze/enedis_load_curve_csv. SQLSTATE: 58030", fsError);
        StorageFailure f = StorageFailure.of(new IllegalStateException("Job aborted.", task)).orElseThrow();
        assertEquals(StorageFailure.Kind.FULL, f.kind());
        assertEquals("/ws/lake/bronze/enedis_load_curve_csv", f.where());
        assertEquals("the disk is full (no space left on device) while writing /ws/lake/bronze/enedis_load_curve_csv:"
                + " every table keeps its last committed version; free some space and run the command again",
                f.message());
    }

    @Test
    void aReadOnlyFileSystemAndARefusedFileNameTheirFile() {
        FileSystemException readOnly = new FileSystemException("/ws/.workbench.lock", null, "Read-only file system");
        StorageFailure ro = StorageFailure.of(new UncheckedIOException(readOnly)).orElseThrow();
        assertEquals(StorageFailure.Kind.READ_ONLY, ro.kind());
        assertEquals("cannot write /ws/.workbench.lock: read-only file system; commands that write need a writable "
                + "workspace ('list' and 'verify' only read)", ro.message());

        StorageFailure denied = StorageFailure.of(new AccessDeniedException("/ws/metrics/uc1.json")).orElseThrow();
        assertEquals(StorageFailure.Kind.DENIED, denied.kind());
        assertEquals("/ws/metrics/uc1.json", denied.where());
    }

    @Test
    void otherFailuresAreNotStorageFailures() {
        assertEquals(Optional.empty(), StorageFailure.of(new IllegalArgumentException("bad --days")));
        assertEquals(Optional.empty(), StorageFailure.of(new IOException("cannot read x.csv.gz: Unexpected end")));
    }
}
