package com.imprimatur.feedback;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Whom a reader's quota belongs to: an IPv4 address, or an IPv6 client's /64 network (one
 * household or machine usually holds a whole /64, so keying per full address would hand it
 * 2^64 quotas). The address is the one Tomcat reports: the peer, or the X-Forwarded-For entry
 * of a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}, none by default).
 */
final class ClientKey {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}+");

    private ClientKey() {
    }

    static String of(String address) {
        if (address == null) {
            return "";
        }
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        if (!LITERAL.matcher(bare).matches() || bare.indexOf(':') < 0) {
            return bare;
        }
        try {
            // a literal: parsed, never looked up
            InetAddress parsed = InetAddress.getByName(bare);
            if (parsed instanceof Inet6Address) {
                byte[] network = java.util.Arrays.copyOf(parsed.getAddress(), 8);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return parsed.getHostAddress(); // an IPv4-mapped address is its IPv4 address
        } catch (UnknownHostException e) {
            return bare;
        }
    }
}
