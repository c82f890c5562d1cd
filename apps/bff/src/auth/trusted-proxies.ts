import net from 'node:net';

/** `TRUSTED_PROXIES`: the addresses (IPs or CIDRs) whose identity headers the BFF believes. */
export interface TrustedProxies {
  has(address: string | undefined): boolean;
  readonly entries: readonly string[];
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/** Parses one entry; throws an Error naming the entry when it is neither an IP nor a CIDR. */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', prefixText] = entry.split('/');
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR`);
    if (prefixText === undefined) {
      list.addAddress(address, family);
      continue;
    }
    const prefix = Number(prefixText);
    const max = family === 'ipv4' ? 32 : 128;
    if (!/^\d+$/.test(prefixText) || prefix > max) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length (0-${max})`);
    }
    list.addSubnet(address, prefix, family);
  }
  return {
    entries,
    has(address) {
      if (!address) return false;
      const ip = normalise(address);
      if (net.isIPv4(ip)) return list.check(ip, 'ipv4');
      if (net.isIPv6(ip)) return list.check(ip, 'ipv6');
      return false;
    },
  };
}
