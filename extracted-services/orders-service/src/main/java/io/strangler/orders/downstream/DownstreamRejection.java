package io.strangler.orders.downstream;

/**
 * A definite 4xx answer from a downstream. By the shop's contract a 4xx changes nothing there.
 *
 * @param status the HTTP status
 * @param slug   the problem type's last segment ({@code insufficient-stock}), or empty when the body had none
 * @param detail the problem's detail, or a short description
 */
public record DownstreamRejection(int status, String slug, String detail) {
}
