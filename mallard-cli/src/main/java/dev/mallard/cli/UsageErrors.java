package dev.mallard.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that does not parse, reported as dbt's click does, with exit code 2:
 * {@code Usage: mallard run [OPTIONS]}, a hint, and {@code Error: No such option '--x'.}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String path = qualifiedName(cmd);
        err.println("Usage: " + path + " [OPTIONS]" + (cmd.getSubcommands().isEmpty() ? "" : " COMMAND [ARGS]..."));
        err.println("Try '" + path + " --help' for help.");
        err.println();
        err.println("Error: " + describe(ex));
        err.flush();
        return 2;
    }

    static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            String first = args.isEmpty() ? "" : args.get(0);
            if (first.startsWith("-")) {
                List<String> suggestions = unmatched.getSuggestions();
                String hint = suggestions.isEmpty() ? ""
                        : suggestions.size() == 1 ? " Did you mean '" + suggestions.get(0) + "'?"
                        : " (Did you mean one of: " + String.join(", ", suggestions.stream()
                                .map(s -> "'" + s + "'").toList()) + "?)";
                return "No such option '" + first + "'." + hint;
            }
            return "Got unexpected extra argument" + (args.size() == 1 ? " (" : "s (") + String.join(" ", args) + ")";
        }
        return ex.getMessage();
    }

    private static String qualifiedName(CommandLine cmd) {
        StringBuilder sb = new StringBuilder(cmd.getCommandName());
        for (CommandLine p = cmd.getParent(); p != null; p = p.getParent()) {
            sb.insert(0, p.getCommandName() + " ");
        }
        return sb.toString();
    }
}
