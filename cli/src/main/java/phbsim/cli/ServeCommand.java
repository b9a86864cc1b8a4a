package phbsim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import phbsim.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phbsim serve}: the what-if page, on this computer only unless told. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Start the what-if page: a web page on this computer where a scenario's assumptions"
            + " can be changed and run, with the results, charts and files of phbsim run. It"
            + " listens on 127.0.0.1 only, prints its address and runs until stopped (Ctrl-C).",
    footer = {
      "",
      "Examples:",
      "  phbsim serve                        then open the address it prints",
      "  phbsim serve --port 0               any free port",
      "  phbsim serve --bind 0.0.0.0         for others on the network (a warning)",
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "The port to listen on; 0 for any free port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "The address to listen on. Default: ${DEFAULT-VALUE}, this computer only. Another"
              + " address lets others on the network run scenarios on this computer.")
  String bind;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "How many runs go at once; the rest wait their turn. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--keep",
      paramLabel = "MINUTES",
      defaultValue = "60",
      description = "How long a run's results are kept. Default: ${DEFAULT-VALUE}.")
  int keepMinutes;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UserError("--port must be from 0 to 65535, found " + port);
    }
    if (runs < 1 || keepMinutes < 1) {
      throw new UserError("--runs and --keep must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean local = bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
    if (!local) {
      err.println(
          "Warning: listening on "
              + bind
              + ", not only this computer: anyone who can reach it can run scenarios here and see"
              + " their results. There is no log-in; use it only on a network you trust.");
      err.flush();
    }
    // The page runs through the run service, whose memory check is phbsim run's; the command line
    // gives only what it knows of its own build, for each run's records.
    WebServer server =
        WebServer.start(
            bind,
            port,
            runs,
            Duration.ofMinutes(keepMinutes),
            new phbsim.runs.Invocation(
                "phbsim",
                phbsim.runs.BuildInfo.version(),
                phbsim.runs.BuildInfo.commit(),
                phbsim.runs.BuildInfo.dirty(),
                java.util.List.of()));
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    out.println("phbsim serve: http://" + host + ":" + server.port() + "/");
    out.println("  " + server.limits() + ". Stop with Ctrl-C.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}
