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
RUN useradd --system --uid 10001 imprimatur
USER imprimatur
EXPOSE 8080
# keep compiled code: Java 17's sweeper would flush and recompile the busiest paths (docs/operations.md, JVM options)
ENTRYPOINT ["java", "-XX:-UseCodeCacheFlushing", "-jar", "/app/imprimatur.jar"]
