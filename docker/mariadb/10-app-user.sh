# Sourced (not executed) by the MariaDB image's entrypoint on a fresh data volume, after it created
# the database and the migration account (MARIADB_USER: all rights on MARIADB_DATABASE, used by
# Flyway through spring.flyway.user).
#
# The application's own account. No TRIGGER and no DROP: it can neither lift the audit trail's
# append-only triggers nor drop, truncate or rename a table. CREATE, INDEX, REFERENCES and ALTER are
# there for one reason: the engine creates its ACT_* tables at the first start, and its scripts add
# foreign keys with ALTER TABLE. Take them back once the engine's tables exist (README, "Audit anchor"):
#   REVOKE CREATE, ALTER, INDEX, REFERENCES ON imprimatur.* FROM 'imprimatur_app'@'%';
app_password=${IMPRIMATUR_APP_DB_PASSWORD//\\/\\\\}
app_password=${app_password//\'/\\\'}
docker_process_sql --database=mysql <<-EOSQL
	CREATE USER 'imprimatur_app'@'%' IDENTIFIED BY '${app_password}';
	GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, INDEX, REFERENCES, ALTER ON \`${MARIADB_DATABASE}\`.* TO 'imprimatur_app'@'%';
EOSQL
