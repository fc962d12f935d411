package org.openlms.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and by an embedded PostgreSQL (its postmaster and backends, found through the
 * data directory's {@code postmaster.pid} and Linux's {@code /proc}). Divided by the requests served, it is a
 * cost per request that does not depend on what else the machine runs, unlike requests per second.
 */
final class CpuMeter {

  /** Linux reports process times in clock ticks, 100 a second on every common kernel configuration. */
  private static final long NANOS_PER_TICK = 10_000_000L;
  private final Path postgresData;

  CpuMeter(Path postgresData) {
    this.postgresData = postgresData;
  }

  record Sample(long javaNanos, long postgresNanos) {

    Sample minus(Sample before) {
      return new Sample(javaNanos - before.javaNanos, postgresNanos - before.postgresNanos);
    }
  }

  Sample sample() {
    long java = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Sample(java, postgresNanos());
  }

  /** The postmaster's and its children's CPU time so far, or -1 when it cannot be read (not Linux, external). */
  private long postgresNanos() {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).strip());
      long ticks = 0;
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          List<String> stat = stat(p);
          if (stat != null && (p.getFileName().toString().equals(String.valueOf(postmaster))
              || stat.get(1).equals(String.valueOf(postmaster)))) {
            ticks += Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
          }
        }
      }
      return ticks * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The fields of /proc/PID/stat after the command name: state, ppid, ..., utime (12th), stime (13th). */
  private static List<String> stat(Path proc) {
    try {
      String s = Files.readString(proc.resolve("stat"));
      return List.of(s.substring(s.lastIndexOf(')') + 2).split(" "));
    } catch (IOException | RuntimeException e) {
      return null; // the process ended meanwhile
    }
  }
}
