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
 * private, link-local, carrier-grade NAT, unique-local or unspecified address is refused, unless
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
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // 100.64.0.0/10, carrier-grade NAT
                || (b[0] & 0xff) == 0; // 0.0.0.0/8
    }
}
