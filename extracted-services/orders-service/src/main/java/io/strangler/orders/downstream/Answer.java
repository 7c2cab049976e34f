package io.strangler.orders.downstream;

/** A definite answer of a downstream: the value of a 2xx, or a 4xx rejection. */
public sealed interface Answer<T> {

    /** 2xx with its body. */
    record Ok<T>(T value) implements Answer<T> {
    }

    /** 4xx: nothing changed downstream. */
    record Rejected<T>(DownstreamRejection rejection) implements Answer<T> {
    }
}
