#!/bin/sh
# Prints the node's JVM options, for a shell to put on java's command line (docs/operations.md, JVM options):
#   java $(src/main/docker/jvm-options.sh) -jar target/imprimatur-*.jar
# The Dockerfile starts the node so, and the benchmarks start their JVMs so.
#   -XX:-UseCodeCacheFlushing   keep compiled code: Java 17's sweeper would flush and recompile the busiest paths
#   -XX:CICompilerCount=3       on fewer than 4 processors only: the JVM's own choice there is 2 compiler threads
#                               (one for C2), and under load the node still compiled its busy paths after five
#                               minutes; 3 (two for C2) is what the JVM itself picks on 4 processors
#                               (docs/performance.md, twelfth round). From 4 processors on, the JVM's own count stays.
options="-XX:-UseCodeCacheFlushing"
processors=$(nproc 2>/dev/null || echo 4)
if [ "$processors" -lt 4 ]; then
  options="$options -XX:CICompilerCount=3"
fi
echo "$options"
