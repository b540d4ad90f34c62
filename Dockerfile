# Build: the same wrapper and JDK line as a developer's machine
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
# the image always gets a configured database (docker-compose.yml): no embedded PostgreSQL binaries in its jar
RUN ./mvnw -B -q -Drsoko.no-embedded-postgres dependency:go-offline
COPY src src
RUN ./mvnw -B -q -Drsoko.no-embedded-postgres package -DskipTests && cp target/rsoko-*.jar /src/app.jar

# Run: a JRE and the application, as an unprivileged user
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 1001 rsoko
WORKDIR /app
COPY --from=build /src/app.jar app.jar
USER rsoko
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
