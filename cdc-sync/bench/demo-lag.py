#!/usr/bin/env python3
"""Issue 6's "done when" against a running `./strangler demo`: product renames legacy -> catalog, an ownership
switch to NEW, renames catalog -> legacy, the switch back, then parity of every table.

    cdc-sync/bench/demo-lag.py --password <cdc-sync operator password, printed by the demo> [--renames 200]

Each rename is a PUT through one side's products API; the other side's API is then polled every 2 ms until the new
name shows. Prints, per step, what the APIs saw (p50 / p99 / max ms, polling included) and cdc-sync's own lag
(GET /api/status: source commit to target commit, Micrometer's 2-minute window), then POST /api/parity/{table}.
Leaves products owned by LEGACY, as the demo starts. Exits 1 when a rename is not visible within 30 s or parity is
below 100 %. Standard library only (Python 3.8+).
"""
import argparse
import base64
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

VISIBLE_WITHIN_S = 30
FIRST_PRODUCT = 7


def url(text):
    parsed = urllib.parse.urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise argparse.ArgumentTypeError(f"not an http(s) URL: {text!r}")
    return text.rstrip("/")


def renames(text):
    n = int(text)
    if not 1 <= n <= 1000:
        raise argparse.ArgumentTypeError(f"must be 1-1000, not {n}")
    return n


class Demo:
    def __init__(self, args):
        self.args = args
        self.auth = "Basic " + base64.b64encode(f"operator:{args.password}".encode()).decode()

    def call(self, method, address, body=None, auth=False):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(address, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if auth:
            request.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            sys.exit(f"{method} {address}: HTTP {e.code} {e.read().decode(errors='replace')[:300]}")
        except urllib.error.URLError as e:
            sys.exit(f"{method} {address}: {e.reason} (is './strangler demo' running?)")

    def rename(self, write_base, read_base, product_id, name):
        product = self.call("GET", f"{write_base}/api/products/{product_id}")
        body = {k: product.get(k) for k in ("sku", "description", "categoryId", "priceCents", "stock", "active")}
        body["name"] = name
        self.call("PUT", f"{write_base}/api/products/{product_id}", body)
        started = time.monotonic()
        while self.call("GET", f"{read_base}/api/products/{product_id}")["name"] != name:
            if time.monotonic() - started > VISIBLE_WITHIN_S:
                sys.exit(f"product {product_id}: {name!r} not visible at {read_base} after {VISIBLE_WITHIN_S} s")
            time.sleep(0.002)
        return (time.monotonic() - started) * 1000

    def step(self, label, write_base, read_base, direction):
        ms = sorted(self.rename(write_base, read_base, FIRST_PRODUCT + i, f"{label} {i} {time.time():.0f}")
                    for i in range(self.args.renames))
        lag = next((t for t in self.call("GET", f"{self.args.cdc_url}/api/status")["tables"]
                    if t["table"] == "products" and t["direction"] == direction), {})
        print(f"{label}: {len(ms)} renames; seen through the API p50 {ms[len(ms) // 2]:.1f} / "
              f"p99 {ms[max(0, -(-len(ms) * 99 // 100) - 1)]:.1f} / max {ms[-1]:.1f} ms; "
              f"cdc-sync lag {direction} p50 {lag.get('lagP50Ms', 0):.1f} / p99 {lag.get('lagP99Ms', 0):.1f} ms")

    def own(self, owner):
        self.call("PUT", f"{self.args.cdc_url}/api/ownership/products", {"owner": owner}, auth=True)
        print(f"products now owned by {owner}")

    def parity(self):
        complete = True
        for table in ("products", "categories", "orders"):
            report = self.call("POST", f"{self.args.cdc_url}/api/parity/{table}", auth=True)
            print(f"parity {table}: {report['sourceRows']} / {report['targetRows']} rows, "
                  f"{report['differingChunks']} differing chunks, {report['parityPercent']} %")
            complete &= report["parityPercent"] == 100.0
        return complete


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--password", required=True, help="cdc-sync API password of 'operator' (printed by the demo)")
    parser.add_argument("--renames", type=renames, default=200, help="renames per step, 1-1000 (default 200)")
    parser.add_argument("--legacy-url", type=url, default="http://localhost:8081")
    parser.add_argument("--catalog-url", type=url, default="http://localhost:8082")
    parser.add_argument("--cdc-url", type=url, default="http://localhost:8085")
    args = parser.parse_args()
    if not args.password.strip():
        parser.error("--password must not be blank")
    demo = Demo(args)
    demo.step("legacy -> catalog", args.legacy_url, args.catalog_url, "LEGACY_TO_NEW")
    demo.own("NEW")
    try:
        demo.step("catalog -> legacy", args.catalog_url, args.legacy_url, "NEW_TO_LEGACY")
    finally:
        demo.own("LEGACY")
    demo.step("legacy -> catalog, after switching back", args.legacy_url, args.catalog_url, "LEGACY_TO_NEW")
    sys.exit(0 if demo.parity() else 1)


if __name__ == "__main__":
    main()
