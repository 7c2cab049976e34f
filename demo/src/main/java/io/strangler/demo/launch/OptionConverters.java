package io.strangler.demo.launch;

import io.strangler.demo.landscape.SeedSizes;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parse command-line values and reject out-of-range ones with a message naming the accepted range. */
final class OptionConverters {

    private OptionConverters() {
    }

    /** A TCP port a server can listen on. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return inRange(value, 1, 65535, "a TCP port (1-65535)");
        }
    }

    /** A number of rows the legacy shop generates. */
    static final class SeedSize implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return inRange(value, 0, SeedSizes.MAX_SIZE, "a whole number from 0 to " + SeedSizes.MAX_SIZE);
        }
    }

    /** Seconds a service may take to become ready. */
    static final class TimeoutSeconds implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return inRange(value, 5, 3600, "a number of seconds from 5 to 3600");
        }
    }

    private static int inRange(String value, int min, int max, String expected) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not " + expected);
        }
        if (number < min || number > max) {
            throw new TypeConversionException("'" + value + "' is out of range: expected " + expected);
        }
        return number;
    }
}
