//! Who the client is, for the per-IP limits, when the server runs behind a reverse proxy.
//!
//! Behind nginx or a load balancer every request arrives from the proxy's address, so
//! without this every shopper of the shop would share one allowance of lookups, uploads
//! and filings. The proxy names the client in `X-Forwarded-For`, but anyone can send that
//! header: it is believed only from the proxies the shop lists (`trusted_proxies`), and
//! only as far back as the chain of trusted proxies goes. With no list, the socket's
//! address is the client, whatever the headers say.

use std::net::IpAddr;

/// The proxies whose `X-Forwarded-For` is believed: addresses or networks in CIDR form
/// (`127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

/// One address block: the address and how many leading bits must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Network {
    address: IpAddr,
    prefix: u8,
}

impl TrustedProxies {
    /// Parses the configured list; the error names the entry and what is wrong with it.
    ///
    /// ```
    /// use redress_server::client_ip::TrustedProxies;
    /// assert!(TrustedProxies::parse(&["10.0.0.0/8", "::1"]).is_ok());
    /// assert_eq!(
    ///     TrustedProxies::parse(&["10.0.0.0/33"]).unwrap_err(),
    ///     "\"10.0.0.0/33\": the prefix length must be at most 32"
    /// );
    /// ```
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<TrustedProxies, String> {
        entries
            .iter()
            .map(|entry| Network::parse(entry.as_ref()))
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(address))
    }

    /// The client of a request that came from `peer` with these `X-Forwarded-For` header
    /// values: from a trusted peer, the right-most address in the header that is not a
    /// trusted proxy (the addresses left of it were written by the client itself and
    /// prove nothing); otherwise, or when the header cannot be read, the peer.
    ///
    /// ```
    /// use redress_server::client_ip::TrustedProxies;
    /// let proxies = TrustedProxies::parse(&["10.0.0.0/8"]).unwrap();
    /// let peer = "10.0.0.5".parse().unwrap();
    /// let client = proxies.client(peer, &["1.2.3.4, 198.51.100.7, 10.0.0.9"]);
    /// assert_eq!(client.to_string(), "198.51.100.7");
    /// ```
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let mut hops = Vec::new();
        for value in forwarded_for {
            for hop in value.split(',') {
                match hop.trim().parse::<IpAddr>() {
                    Ok(address) => hops.push(address),
                    // A hop that is not an address: nothing left of it can be placed.
                    Err(_) => return peer,
                }
            }
        }
        hops.into_iter()
            .rev()
            .find(|hop| !self.trusts(*hop))
            .unwrap_or(peer)
    }
}

impl Network {
    fn parse(entry: &str) -> Result<Network, String> {
        let (address, prefix) = match entry.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (entry, None),
        };
        let address: IpAddr = address
            .trim()
            .parse()
            .map_err(|_| format!("{entry:?}: not an IP address"))?;
        let bits = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => bits,
            Some(prefix) => prefix
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(|| format!("{entry:?}: the prefix length must be at most {bits}"))?,
        };
        Ok(Network { address, prefix })
    }

    fn contains(&self, address: IpAddr) -> bool {
        match (self.address, address) {
            (IpAddr::V4(network), IpAddr::V4(address)) => same_prefix(
                network.to_bits().into(),
                address.to_bits().into(),
                32,
                self.prefix,
            ),
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                same_prefix(network.to_bits(), address.to_bits(), 128, self.prefix)
            }
            // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
            (IpAddr::V4(_), IpAddr::V6(address)) => address
                .to_ipv4_mapped()
                .is_some_and(|v4| self.contains(IpAddr::V4(v4))),
            (IpAddr::V6(_), IpAddr::V4(_)) => false,
        }
    }
}

/// Whether the first `prefix` of the `bits` low bits of `a` and `b` agree.
fn same_prefix(a: u128, b: u128, bits: u8, prefix: u8) -> bool {
    let ignored = u32::from(bits - prefix);
    ignored >= 128 || (a >> ignored) == (b >> ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("203.0.113.9"), &["1.2.3.4"]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_header_from_an_untrusted_peer_is_ignored() {
        let proxies = TrustedProxies::parse(&["127.0.0.1"]).unwrap();
        assert_eq!(
            proxies.client(ip("203.0.113.9"), &["1.2.3.4"]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn the_client_is_the_right_most_untrusted_hop() {
        let proxies = TrustedProxies::parse(&["127.0.0.1", "10.0.0.0/8"]).unwrap();
        let peer = ip("127.0.0.1");
        assert_eq!(proxies.client(peer, &["198.51.100.7"]), ip("198.51.100.7"));
        // The client wrote the first hop itself; the proxies appended the rest.
        assert_eq!(
            proxies.client(peer, &["6.6.6.6, 198.51.100.7, 10.1.2.3"]),
            ip("198.51.100.7")
        );
        // Several header lines read as one list, in order.
        assert_eq!(
            proxies.client(peer, &["6.6.6.6", "198.51.100.7, 10.1.2.3"]),
            ip("198.51.100.7")
        );
        assert_eq!(proxies.client(peer, &["2001:db8::1"]), ip("2001:db8::1"));
    }

    #[test]
    fn a_missing_or_unreadable_header_leaves_the_peer() {
        let proxies = TrustedProxies::parse(&["127.0.0.1"]).unwrap();
        let peer = ip("127.0.0.1");
        assert_eq!(proxies.client(peer, &[]), peer);
        assert_eq!(proxies.client(peer, &["unknown"]), peer);
        assert_eq!(proxies.client(peer, &["198.51.100.7, bogus"]), peer);
        // Only trusted hops: the request came from the proxies themselves.
        assert_eq!(proxies.client(peer, &["127.0.0.1"]), peer);
    }

    #[test]
    fn networks_match_by_prefix_in_both_families() {
        let proxies = TrustedProxies::parse(&["10.0.0.0/8", "fd00::/8", "192.0.2.1"]).unwrap();
        assert!(proxies.trusts(ip("10.255.0.1")));
        assert!(!proxies.trusts(ip("11.0.0.1")));
        assert!(proxies.trusts(ip("fd12::1")));
        assert!(!proxies.trusts(ip("fe80::1")));
        assert!(proxies.trusts(ip("192.0.2.1")));
        assert!(!proxies.trusts(ip("192.0.2.2")));
        assert!(proxies.trusts(ip("::ffff:10.0.0.1")), "IPv4-mapped IPv6");
        let everyone = TrustedProxies::parse(&["0.0.0.0/0"]).unwrap();
        assert!(everyone.trusts(ip("203.0.113.1")));
    }

    #[test]
    fn a_bad_entry_is_named() {
        assert_eq!(
            TrustedProxies::parse(&["nginx"]).unwrap_err(),
            "\"nginx\": not an IP address"
        );
        assert_eq!(
            TrustedProxies::parse(&["::1/129"]).unwrap_err(),
            "\"::1/129\": the prefix length must be at most 128"
        );
        assert!(TrustedProxies::parse(&["10.0.0.0/x"]).is_err());
    }
}
