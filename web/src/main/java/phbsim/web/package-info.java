/**
 * {@code phbsim serve}: the what-if page for people who do not use a terminal.
 *
 * <p>Server: Javalin 7 on Jetty 12. Javalin is a small, well-kept library (a thin layer on Jetty,
 * no annotation scanning, no container), it needs Java 17 which phbsim already requires, and Jetty
 * 12 is the maintained line of the servlet engine under it. Spring Boot or Quarkus would bring a
 * framework far larger than one page needs; the JDK's own HttpServer has no multipart upload, size
 * limits or request thread pool of its own.
 *
 * <p>The page is rendered on the server with Mustache (the engine the HTML report already uses),
 * and its charts use the uPlot the report inlines, served from the jar: nothing comes from a CDN
 * and the page works offline.
 *
 * <p>The engine is reached through one adapter, {@link phbsim.web.Runs}, and the run service
 * (phbsim.runs) behind it: the page loads and checks the scenario with the scenarios loader, as
 * {@code phbsim validate} does, turns the form into a run request, and submits it to the service
 * ({@link phbsim.runs.RunService#submit}), which checks its memory ({@link phbsim.runs.Capacity}),
 * runs it, releases it through {@link phbsim.report.Disclosure} and writes the files of {@code
 * phbsim run}. The page reads the run record and those files; it sequences no run of its own.
 *
 * <p>Depends on: phbsim.runs, phbsim.experiment, phbsim.scenario, phbsim.scenarios, phbsim.report,
 * phbsim.writers, Javalin, Mustache, Jackson. Not on phbsim.cli (the cli depends on this).
 */
package phbsim.web;
