package com.imprimatur.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guards against server-side request forgery: an endpoint whose host resolves to a loopback,
 * private, link-local, carrier-grade NAT, unique-local, reserved or unspecified address (or an IPv6
 * address that carries or tunnels to one: IPv4-compatible, NAT64, 6to4, Teredo) is refused, unless
 * its host is listed in {@code imprimatur.webhooks.allowed-hosts}, or it is loopback and
 * {@code allow-loopback} is on (demo and tests). Checked at registration and again before every
 * delivery, since DNS answers change.
 */
@Component
class WebhookTargets {

    private final Set<String> allowedHosts;
    private final boolean allowLoopback;

    WebhookTargets(@Value("${imprimatur.webhooks.allowed-hosts:}") String allowedHosts,
            @Value("${imprimatur.webhooks.allow-loopback:false}") boolean allowLoopback) {
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowLoopback = allowLoopback;
    }

    /** Null when the URL may be called now; otherwise why not, in words. */
    String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "an http or https URL with a host and no user name";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedHosts.contains(host)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "the host " + host + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowLoopback) {
                continue;
            }
            if (internal(address)) {
                return "the host " + host + " resolves to an internal address (" + address.getHostAddress()
                        + "); list it in imprimatur.webhooks.allowed-hosts if it is meant";
            }
        }
        return null;
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc // fc00::/7, unique local
                    || prefix(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01) // 64:ff9b:1::/48, NAT64 for local use
                    || prefix(b, 0x20, 0x01, 0x00, 0x00)) { // 2001::/32, Teredo: a tunnel to an address not shown
                return true;
            }
            InetAddress carried = carriedIpv4(b);
            return carried != null && internal(carried);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 100 && (second & 0xc0) == 64 // 100.64.0.0/10, carrier-grade NAT
                || first == 0 // 0.0.0.0/8
                || first >= 240 // 240.0.0.0/4, reserved, and the broadcast address
                || first == 198 && (second & 0xfe) == 18 // 198.18.0.0/15, benchmarking networks
                || first == 192 && second == 0 && (b[2] & 0xff) == 0; // 192.0.0.0/24, protocol assignments
    }

    /**
     * The IPv4 address an IPv6 address leads to, if it carries one: IPv4-compatible (::a.b.c.d) and
     * IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16, the address after the
     * prefix). Without this, [::127.0.0.1] or [2002:7f00:1::] would pass for public.
     */
    private static InetAddress carriedIpv4(byte[] b) {
        int from = -1;
        if (prefix(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) && (b[10] == 0 && b[11] == 0 || (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
                || prefix(b, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            from = 12;
        } else if (prefix(b, 0x20, 0x02)) {
            from = 2;
        }
        if (from < 0) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            return null; // four bytes are always an address
        }
    }

    private static boolean prefix(byte[] address, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((address[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
