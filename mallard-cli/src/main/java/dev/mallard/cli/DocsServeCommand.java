package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.run.Workspace;
import dev.mallard.docs.serve.DocsServer;
import java.awt.Desktop;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallard docs serve}: serves the site {@code docs generate} wrote, and opens it in a browser. */
@Command(name = "serve", description = "Serve the docs site from target/ (run `mallard docs generate` first).")
final class DocsServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--browser", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Open the site in the default browser (default); --no-browser does not.")
    boolean browser = true;

    @Override
    public Integer call() throws InterruptedException {
        DocsServer server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mallard-docs-stop"));
        if (browser) {
            open(server.url());
        }
        server.awaitStop();
        return 0;
    }

    DocsServer start() {
        if (port < 0 || port > 65535) {
            throw new MallardException(ErrorCode.USAGE, "--port must be between 0 and 65535");
        }
        Path target = targetDir();
        DocsServer server;
        try {
            server = DocsServer.start(target, host, port);
        } catch (IllegalStateException e) {
            throw new MallardException(ErrorCode.USAGE, e.getMessage());
        } catch (RuntimeException e) {
            throw new MallardException(ErrorCode.USAGE, "cannot listen on " + host + ":" + port + ": " + e.getMessage(),
                    null, 0, "is another server using the port? try --port 0", e);
        }
        System.out.println("Serving docs at " + server.url() + " (Ctrl-C to stop)");
        System.out.flush();
        return server;
    }

    private Path targetDir() {
        try (Workspace ws = Workspace.load(options.toLoaderOptions(), System.getenv())) {
            return ws.project().targetDir().toAbsolutePath().normalize();
        }
    }

    private static void open(String url) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            }
        } catch (Exception e) {
            System.err.println("could not open a browser (" + e.getMessage() + "); open " + url);
        }
    }
}
