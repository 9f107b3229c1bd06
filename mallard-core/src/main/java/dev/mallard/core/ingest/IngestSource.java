package dev.mallard.core.ingest;

/**
 * One kind of ingest source ({@code http}, {@code files}, {@code postgres}): it reads what is
 * new since the state the run hands it and gives the run batches, each committed with the
 * state that follows it. A source holds no state of its own between runs; everything it
 * needs to resume lives in {@link IngestRun#state}.
 *
 * <p>Contract: a source calls {@link IngestRun#commit} once per batch, in order, and never
 * writes to the target database itself. If it fails it throws {@link IngestException};
 * batches committed before the failure stay, and a rerun resumes from the last committed
 * state, so nothing is lost or loaded twice.
 */
public interface IngestSource {

    /** The {@code type:} of an ingest spec this source reads, e.g. {@code http}. */
    String type();

    void run(IngestRun run) throws IngestException;
}
