package dev.mallard.serve;

/**
 * A rows body ready to send.
 *
 * @param source where the rows were read from ("parquet" or "duckdb"), for {@code X-Mallard-Source}
 * @param format the body's format
 * @param body the bytes: the first {@code length} of this array (a thread's buffer: send before the next request)
 * @param length how many bytes of {@code body} to send
 */
record RowsReply(String source, OutputFormat format, byte[] body, int length) {
}
