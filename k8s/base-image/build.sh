#!/usr/bin/env bash
# Builds a small JRE 17 base image from Debian's own packages: no Docker engine, no container registry.
#
#   k8s/base-image/build.sh [output-dir]        (default: k8s/target/base-image; as root: mmdebstrap's root mode)
#
# Produces <output-dir>/jre-base.tar, a "docker save" style archive (manifest.json, config, one layer) that Jib takes
# as a base:  ./mvnw -Pimages package -DskipTests -Dstrangler.image.base=tar://<abs path>/jre-base.tar
# Needs: mmdebstrap, umoci, skopeo (apt-get install mmdebstrap umoci skopeo) and Debian's package mirror.
# k8s/README.md, "Images": what is in it, sizes, and ImageIT, which runs the images built on it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../target/base-image}
suite=${SUITE:-bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
security=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
name=${IMAGE_NAME:-strangler/jre-base:17-$suite}
java_home=/usr/lib/jvm/java-17-openjdk-amd64
# file times in the layer and the image dates: today by default (same-day rebuilds differ only if packages do)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date -u -d "$(date -u +%Y-%m-%d)" +%s)}

for tool in mmdebstrap umoci skopeo; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install mmdebstrap umoci skopeo" >&2; exit 2; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/oci" "$out/rootfs.tar" "$out/jre-base.tar"

echo "== rootfs: $suite, essential packages + openjdk-17-jre-headless, ca-certificates"
# essential: the Essential:yes set (dpkg, coreutils, bash, ...) and nothing else (no apt, and merged /usr by mmdebstrap's
# hook rather than the usrmerge package, which would pull in perl): dpkg's database stays so that image scanners can
# list the packages. Docs, man pages and locales are not unpacked (copyright files are); apt's lists and downloaded
# packages are removed. update-alternatives wants /usr/share/man/man1 while java is configured: removed afterwards.
mmdebstrap --variant=essential --arch=amd64 \
    --include=openjdk-17-jre-headless,ca-certificates \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/lintian/*' \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook='echo "app:x:10001:10001:strangler service:/nonexistent:/usr/sbin/nologin" >> "$1/etc/passwd"' \
    --customize-hook='echo "app:x:10001:" >> "$1/etc/group"' \
    --customize-hook='rm -f "$1"/etc/resolv.conf "$1"/etc/hostname' \
    --customize-hook='rm -rf "$1"/usr/share/man "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/cache/debconf/*-old "$1"/var/lib/dpkg/*-old "$1"/var/log/* "$1"/tmp/*' \
    --customize-hook="test -x \"\$1$java_home/bin/java\" && test -s \"\$1/etc/ssl/certs/java/cacerts\"" \
    --skip=output/dev \
    "$suite" "$out/rootfs.tar" \
    "deb $mirror $suite main" "deb $mirror $suite-updates main" "deb $security $suite-security main"

echo "== OCI image (umoci), then docker-archive (skopeo)"
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
umoci init --layout "$out/oci"
umoci new --image "$out/oci:jre"
umoci raw add-layer --image "$out/oci:jre" --history.created "$created" \
    --history.created_by "mmdebstrap $suite essential + openjdk-17-jre-headless ca-certificates" "$out/rootfs.tar"
umoci config --image "$out/oci:jre" --created "$created" --history.created "$created" \
    --architecture amd64 --os linux --author strangler \
    --config.env "PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env "JAVA_HOME=$java_home" --config.env LANG=C.UTF-8 \
    --config.user 10001:10001 --config.workingdir / \
    --config.label "org.opencontainers.image.description=Debian $suite + openjdk-17-jre-headless (k8s/base-image/build.sh)"
skopeo copy --quiet "oci:$out/oci:jre" "docker-archive:$out/jre-base.tar:$name"
rm -f "$out/rootfs.tar"

echo "== $out/jre-base.tar ($name): $(du -m "$out/jre-base.tar" | cut -f1) MB"
echo "   Jib base: -Dstrangler.image.base=tar://$out/jre-base.tar"
