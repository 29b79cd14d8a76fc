#!/bin/sh
# Prints the node's JVM options, for a shell to put on java's command line (docs/operations.md, JVM options):
#   java $(sh src/main/docker/jvm-options.sh) -jar target/imprimatur-*.jar
# The Dockerfile starts the node so, and so do the benchmarks' nodes (and route.sh's other JVMs).
#   -XX:-UseCodeCacheFlushing   keep compiled code: Java 17's sweeper would flush and recompile the busiest paths
#   -XX:CICompilerCount=3       below 4 processors only: the JVM's own choice there is 2 compiler threads (one for
#                               C2), and under load the node still compiled its busy paths after five minutes; 3 (two
#                               for C2) is what the JVM itself picks on 4 processors (docs/performance.md, twelfth
#                               round). From 4 processors on, the JVM's own count stays.
# Processors: nproc (the CPU set), or fewer when a cgroup CPU quota says so (a container's CPU limit), as the JVM
# counts them; when neither can be read, 4 is assumed and the JVM's own count stays.
options="-XX:-UseCodeCacheFlushing"
processors=$(nproc 2>/dev/null || echo 4)
quota=
if [ -r /sys/fs/cgroup/cpu.max ]; then                      # cgroup v2: "<quota> <period>" or "max <period>"
  read -r q p < /sys/fs/cgroup/cpu.max
  [ "$q" != max ] && quota="$q $p"
elif [ -r /sys/fs/cgroup/cpu/cpu.cfs_quota_us ] && [ -r /sys/fs/cgroup/cpu/cpu.cfs_period_us ]; then   # cgroup v1
  q=$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us); p=$(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)
  [ "$q" -gt 0 ] 2>/dev/null && quota="$q $p"
fi
if [ -n "$quota" ]; then
  set -- $quota
  if [ "$2" -gt 0 ] 2>/dev/null; then
    limit=$(( ($1 + $2 - 1) / $2 ))
    [ "$limit" -lt "$processors" ] && processors=$limit
  fi
fi
if [ "$processors" -lt 4 ] 2>/dev/null; then
  options="$options -XX:CICompilerCount=3"
fi
echo "$options"
