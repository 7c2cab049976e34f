package io.strangler.flags.service.audit;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.route.ChangeChannel;
import io.strangler.flags.service.route.RouteChangedEvent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only audit log (table {@code route_audit}; a trigger rejects UPDATE, DELETE and TRUNCATE).
 */
@Component
public class AuditLog {

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends the entry of a change. A plain (synchronous) listener: it runs inside the transaction that changes the
     * route, so the change and its entry commit together, and a failure here undoes the change.
     */
    @EventListener
    void on(RouteChangedEvent event) {
        RouteState before = event.previous();
        RouteState after = event.current();
        jdbc.update("""
                insert into route_audit (route_id, changed_at, actor, channel, reason,
                    before_mode, before_percent, before_kill_switch, before_version,
                    after_mode, after_percent, after_kill_switch, after_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                after.routeId(), Timestamp.from(after.updatedAt()), after.updatedBy(), event.channel().name(), event.reason(),
                before.mode().name(), before.percent(), before.killSwitch(), before.version(),
                after.mode().name(), after.percent(), after.killSwitch(), after.version());
    }

    /**
     * Entries newest first.
     *
     * @param routeId only this route, or null for all
     * @param from    only entries at or after, or null
     * @param to      only entries before, or null
     * @param limit   at most this many
     */
    public List<AuditEntry> find(String routeId, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select * from route_audit where true");
        List<Object> args = new ArrayList<>();
        if (routeId != null) {
            sql.append(" and route_id = ?");
            args.add(routeId);
        }
        if (from != null) {
            sql.append(" and changed_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and changed_at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), AuditLog::entry, args.toArray());
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getString("route_id"), rs.getTimestamp("changed_at").toInstant(),
                rs.getString("actor"), ChangeChannel.valueOf(rs.getString("channel")), rs.getString("reason"),
                setting(rs, "before_"), setting(rs, "after_"));
    }

    /** numeric(5,2) reads back as 25.00: give the API the same 25 the change carried. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static AuditEntry.Setting setting(ResultSet rs, String prefix) throws SQLException {
        return new AuditEntry.Setting(RouteMode.valueOf(rs.getString(prefix + "mode")),
                plain(rs.getBigDecimal(prefix + "percent")), rs.getBoolean(prefix + "kill_switch"), rs.getLong(prefix + "version"));
    }
}
