package dev.mallard.cli;

import dev.mallard.core.graph.NameSuggester;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that does not parse, reported as dbt's click does, with exit code 2:
 * {@code Usage: mallard run [OPTIONS]}, a hint, and {@code Error: No such option '--x'.}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private static final Pattern UNKNOWN = Pattern.compile("Unknown options?: '([^']+)'");
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
        String unknown = unknownOption(ex);
        if (unknown != null) {
            List<String> close = closest(unknown, ex.getCommandLine().getCommandSpec().optionsMap().keySet());
            String hint = close.isEmpty() ? ""
                    : close.size() == 1 ? " Did you mean '" + close.get(0) + "'?"
                    : " (Did you mean one of: " + String.join(", ", close.stream().map(s -> "'" + s + "'").toList())
                            + "?)";
            return "No such option '" + unknown + "'." + hint;
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> args = unmatched.getUnmatched();
            return "Got unexpected extra argument" + (args.size() == 1 ? " (" : "s (") + String.join(" ", args) + ")";
        }
        return ex.getMessage();
    }

    /** The unknown option a parse error is about, or null: picocli names it in the list or in the message. */
    private static String unknownOption(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            for (String arg : unmatched.getUnmatched()) {
                if (arg.startsWith("-")) {
                    return arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                }
            }
        }
        Matcher m = UNKNOWN.matcher(String.valueOf(ex.getMessage()));
        return m.find() ? m.group(1) : null;
    }

    /** Options within two edits of the unknown one, nearest first (dbt's click suggests the same way). */
    static List<String> closest(String unknown, Collection<String> options) {
        List<String> out = new ArrayList<>();
        for (int distance = 1; distance <= 2 && out.isEmpty(); distance++) {
            for (String option : options) {
                if (option.startsWith("--") && NameSuggester.distance(unknown, option) == distance) {
                    out.add(option);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String qualifiedName(CommandLine cmd) {
        StringBuilder sb = new StringBuilder(cmd.getCommandName());
        for (CommandLine p = cmd.getParent(); p != null; p = p.getParent()) {
            sb.insert(0, p.getCommandName() + " ");
        }
        return sb.toString();
    }
}
