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
            return inRange(value, 1, 65535);
        }
    }

    /** Number of products the legacy shop generates. */
    static final class Products implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return inRange(value, SeedSizes.MIN_PRODUCTS, SeedSizes.MAX_PRODUCTS);
        }
    }

    /** Number of customers the legacy shop generates. */
    static final class Customers implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return inRange(value, SeedSizes.MIN_CUSTOMERS, SeedSizes.MAX_CUSTOMERS);
        }
    }

    /** Number of orders the legacy shop generates. */
    static final class Orders implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return inRange(value, SeedSizes.MIN_ORDERS, SeedSizes.MAX_ORDERS);
        }
    }

    /** Seconds a service may take to become ready. */
    static final class TimeoutSeconds implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return inRange(value, 5, 3600);
        }
    }

    private static int inRange(String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number (expected " + min + "-" + max
                    + ")");
        }
        if (number < min || number > max) {
            throw new TypeConversionException("'" + value + "' is out of range (expected " + min + "-" + max + ")");
        }
        return number;
    }
}
