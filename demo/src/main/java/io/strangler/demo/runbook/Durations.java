package io.strangler.demo.runbook;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 500ms}, {@code 1s}, {@code 2m}: between 100 ms and 1 h. */
public final class Durations implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = DurationStyle.SIMPLE.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 1s or 2m");
        }
        if (duration.compareTo(Duration.ofMillis(100)) < 0 || duration.compareTo(Duration.ofHours(1)) > 0) {
            throw new TypeConversionException("'" + value + "' must be between 100ms and 1h");
        }
        return duration;
    }
}
