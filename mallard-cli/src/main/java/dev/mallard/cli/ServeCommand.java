package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.run.Workspace;
import dev.mallard.serve.ApiToken;
import dev.mallard.serve.DatasetCatalog;
import dev.mallard.serve.MartServer;
import dev.mallard.serve.ProjectMarts;
import dev.mallard.serve.TokensFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Serve the project's published Parquet marts (or a folder of Parquet files) "
        + "over a read-only HTTP API.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = "--parquet-dir", description = "Serve every *.parquet file and partitioned folder in DIR instead "
            + "of a project's marts.", paramLabel = "DIR")
    Path parquetDir;

    @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8580;

    @Option(names = "--tokens", description = "YAML file of bearer tokens; without it the API is open.",
            paramLabel = "FILE")
    Path tokens;

    @Option(names = "--no-response-cache", negatable = false,
            description = "Do not keep response bodies per published version (for benchmarks and debugging).")
    boolean noResponseCache;

    @Option(names = "--no-memory-index", negatable = false,
            description = "Answer every request with SQL, never from the in-memory index (for benchmarks and debugging).")
    boolean noMemoryIndex;

    @Override
    public Integer call() throws InterruptedException {
        MartServer server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mallard-serve-stop"));
        server.awaitStop();
        return 0;
    }

    /** Starts the server and prints where it listens; the caller stops it. */
    MartServer start() {
        if (parquetDir != null && options.projectDir != null) {
            throw new MallardException(ErrorCode.USAGE, "give either --project-dir or --parquet-dir, not both");
        }
        if (port < 0 || port > 65535) {
            throw new MallardException(ErrorCode.USAGE, "--port must be between 0 and 65535");
        }
        if (options.threads != null && options.threads < 1) {
            throw new MallardException(ErrorCode.USAGE, "--threads must be at least 1");
        }
        List<ApiToken> accepted = tokens == null ? null : TokensFile.read(tokens);
        DatasetCatalog catalog;
        if (parquetDir != null) {
            if (!Files.isDirectory(parquetDir)) {
                throw new MallardException(ErrorCode.USAGE, "--parquet-dir " + parquetDir + " is not a folder");
            }
            catalog = DatasetCatalog.ofDirectory(parquetDir);
        } else {
            try (Workspace ws = Workspace.load(options.toLoaderOptions(), System.getenv())) {
                catalog = DatasetCatalog.of(ProjectMarts.find(ws));
            }
        }
        int threads = options.threads != null ? options.threads : Runtime.getRuntime().availableProcessors();
        MartServer server;
        try {
            server = MartServer.start(catalog, new MartServer.Options(host, port, threads, accepted, !noResponseCache,
                    !noMemoryIndex));
        } catch (RuntimeException e) {
            if (e instanceof MallardException) {
                throw e;
            }
            throw new MallardException(ErrorCode.USAGE, "cannot listen on " + host + ":" + port + ": "
                    + rootMessage(e), null, 0, "is another server using the port? try --port 0", e);
        }
        int n = server.datasetCount();
        System.out.println("Serving " + n + (n == 1 ? " dataset" : " datasets") + " on " + server.url());
        System.out.flush();
        return server;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
