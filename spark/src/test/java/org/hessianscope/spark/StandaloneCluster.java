package org.hessianscope.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1: Spark's own master and workers, each a JVM of
 * its own started from this test's class path, one core per worker. Executors get the same
 * class path through {@code spark.executor.extraClassPath}. {@link #close()} kills every
 * process it started and their children (the executors).
 */
final class StandaloneCluster implements AutoCloseable {
    private static final long WAIT_SECONDS = 600;
    private static final Pattern ALIVE = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path dir;
    private final String classPath;
    private final int port;
    private final int uiPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    /** Starts the processes; {@link #awaitWorkers} waits until they have found each other. */
    StandaloneCluster(Path dir, int workerCount) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        this.classPath = testClassPath();
        // A SPARK_HOME with an empty jars/ satisfies the workers' executor launcher; the
        // executors' classes come from extraClassPath.
        Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        this.port = freePort();
        this.uiPort = freePort();
        this.master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(uiPort));
        try {
            for (int i = 0; i < workerCount; i++) {
                workers.add(start("worker" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "1g", "--webui-port", "0", "--work-dir",
                        Files.createDirectories(dir.resolve("work" + i)).toString(), url()));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** Driver settings that let executors on this machine load the test's classes. */
    String executorClassPath() {
        return classPath;
    }

    /** Kills worker {@code i} and the executor it launched, as a machine that dies would. */
    void killWorker(int i) throws InterruptedException {
        kill(workers.get(i));
    }

    String log(String name) throws IOException {
        Path f = dir.resolve(name + ".log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /** Waits until {@code n} workers have registered; JVM start-up on a busy 2-core machine can take minutes. */
    void awaitWorkers(int n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IOException("the Spark master exited: " + log("master"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + uiPort + "/json/").toURL()
                        .openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                try (InputStream in = c.getInputStream()) {
                    last = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = ALIVE.matcher(last);
                if (m.find() && Integer.parseInt(m.group(1)) >= n) {
                    return;
                }
            } catch (IOException notYet) {
                // the master's web UI is not up yet
            }
            Thread.sleep(250);
        }
        throw new IOException(n + " workers did not register with the master in " + WAIT_SECONDS + " s; master says "
                + last + "; its log: " + log("master") + "; worker 0: " + log("worker0"));
    }

    private static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        for (ProcessHandle c : children) {
            c.destroyForcibly();
        }
        p.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            c.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> c).join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process w : workers) {
            kill(w);
        }
        kill(master);
    }

    /** Surefire's test class path (its own java.class.path is a one-jar booter). */
    static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
