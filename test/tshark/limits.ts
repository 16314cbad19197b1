/**
 * What tshark 4.0 (Debian 4.0.17) gets wrong or leaves out, each checked
 * against the RFC, so the test excludes exactly these and nothing more.
 * Field-level ones sit at their entry in fields.ts: 16 vendor-class (only the
 * first vendor-class-data item is shown), 93 s46-portparams (tshark shows the
 * PSID, we hold the 16-bit field), 13 status-code (no item for an empty message).
 */

/**
 * Options tshark names but whose body it never dissects (its JSON holds only
 * the code and length), so only those two are checked. With DHCPv4-query
 * (type 20) it also leaves 87 dhcpv4-message undissected.
 */
export const NOT_DISSECTED: ReadonlySet<number> = new Set([
  36, // geoconf-civic (RFC 4776)
  57, // v6-access-domain (RFC 5986)
  58, // sip-ua-cs-list (RFC 6011)
  59, // bootfile-url (RFC 5970)
  60, // bootfile-param (RFC 5970)
  61, // client-arch-type (RFC 5970)
  62, // nii (RFC 5970)
  65, // erp-local-domain-name (RFC 6440)
  66, // rsoo (RFC 6422): the options inside are not shown either
  79, // client-linklayer-addr (RFC 6939)
  80, // link-address (RFC 6977)
  81, // radius (RFC 7037)
  82, // solmax-rt (RFC 8415 §21.24)
  83, // inf-max-rt (RFC 8415 §21.25)
  88, // dhcp4o6-server-addr (RFC 7341)
  100, // lq-base-time (RFC 7653)
  101, // lq-start-time (RFC 7653)
  102, // lq-end-time (RFC 7653)
]);

export interface KnownExpert {
  option: number;
  message: string;
  why: string;
}

/** Expert infos tshark raises on correct bytes. */
export const KNOWN_EXPERTS: readonly KnownExpert[] = [
  {
    option: 47,
    message: 'Trailing stray characters',
    why:
      'RFC 5007 §4.1.2.4: OPTION_LQ_RELAY_DATA ends with the binary Relay-forward message; ' +
      'tshark 4.0 adds it as an ASCII string (hf_lq_relay_data_msg, ENC_ASCII), so its first NUL byte is "stray"',
  },
];

/** Options holding a DHCPv6 message that tshark 4.0 does not dissect as one. */
export const NOT_SHOWN_AS_MESSAGE: ReadonlySet<number> = new Set([47]); // see the OPTION_LQ_RELAY_DATA expert above
