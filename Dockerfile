# Build with the project's own Maven wrapper, run on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY processes processes
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/imprimatur-*.jar /app/imprimatur.jar
COPY src/main/docker/jvm-options.sh /app/jvm-options.sh
RUN useradd --system --uid 10001 imprimatur
USER imprimatur
EXPOSE 8080
# the JVM options of src/main/docker/jvm-options.sh (docs/operations.md, JVM options): compiled code kept, and on
# fewer than 4 processors a second compiler thread for C2; JAVA_OPTS adds the operator's own, arguments go to the node
ENTRYPOINT ["sh", "-c", "exec java $(sh /app/jvm-options.sh) ${JAVA_OPTS:-} -jar /app/imprimatur.jar \"$@\"", "imprimatur"]
