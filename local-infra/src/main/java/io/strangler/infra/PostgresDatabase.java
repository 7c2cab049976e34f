package io.strangler.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Where to reach one PostgreSQL database: a JDBC URL and the credentials for it.
 *
 * <p>Never holds a connection itself; {@link #connect()} opens a new one each call.
 *
 * @param name     the database name, never null
 * @param jdbcUrl  a {@code jdbc:postgresql://} URL, never null
 * @param username the user to connect as, never null
 * @param password the password, never null (may be empty for the embedded server, which trusts local users)
 */
public record PostgresDatabase(String name, String jdbcUrl, String username, String password) {

    public PostgresDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Opens a new JDBC connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PostgresDatabase[" + jdbcUrl + " as " + username + "]";
    }
}
