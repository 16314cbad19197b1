/**
 * What tshark 4.0 (Debian 4.0.17) gets wrong or leaves out in DHCPv4, each
 * checked against the RFC, so the test excludes exactly these and nothing
 * more. Field-level ones sit at their entry in fields4.ts and agent4.ts:
 * 90 authenticate (RFC 6704 protocol 3 unknown: information shown as text),
 * 124 vivco (items shown as one text), 137 v4-lost (wire-format name shown as
 * text), 152/154/155 (RFC 6926 times read as NTP times), suboption 151 type 0
 * (see below). RFC 3396 long options: tshark joins the instances of 119 and
 * 120 only; the corpus's long option is 119, so nothing is excluded for it.
 */

/**
 * Options tshark names but whose body it never dissects (its JSON holds only
 * the code, length and bytes); fields4.ts compares those bytes with the RFC
 * layout of our value.
 */
export const NOT_DISSECTED4: ReadonlySet<number> = new Set([
  62, // nwip-domain-name (RFC 2242)
  88, // bcms-controller-names (RFC 4280)
  89, // bcms-controller-address (RFC 4280)
  98, // uap-servers (RFC 2485)
  108, // v6-only-preferred (RFC 8925)
  141, // sip-ua-cs-domains (RFC 6011)
  143, // v4-sztp-redirect (RFC 8572)
  162, // v4-dnr (RFC 9463)
  213, // v4-access-domain (RFC 5986)
]);

/** Relay agent suboptions (option 82) whose body tshark does not show correctly; only code and length compare. */
export const AGENT_NOT_DISSECTED: ReadonlySet<number> = new Set([19, 151, 152]);

export interface KnownExpert4 {
  /** The option it sits in; undefined for the header. */
  option: number | undefined;
  /** The option 82 suboption it sits in, if any. */
  suboption?: number;
  message: string;
  why: string;
}

/** Expert infos tshark raises on correct bytes. */
export const KNOWN_EXPERTS4: readonly KnownExpert4[] = [
  {
    option: 82,
    suboption: 19,
    message: 'ERROR, please report: Unknown subopt type handler 19',
    why: 'RFC 8357 §5.1: the relay source port suboption has length 0; tshark 4.0 names suboption 19 but has no handler for it',
  },
  {
    option: 82,
    suboption: 151,
    message: 'Trailing stray characters',
    why: 'RFC 6607: VSS information is a type byte, then (type 0) an NVT ASCII VPN name; tshark 4.0 reads the type byte (0, a NUL) as the start of the name',
  },
  ...['length isn\'t 4', 'ERROR, please report: Unknown subopt type handler 152'].map((message) => ({
    option: 82,
    suboption: 152,
    message,
    why: 'RFC 6607: suboption 152 is VSS control, length 0; tshark 4.0 still takes 152 for the pre-standard Cisco server-id override (an IPv4 address)',
  })),
  {
    option: undefined,
    message: 'Client address not given',
    why: 'a note, not a fault: hlen is 0 by design in IPoIB (RFC 4390) and in leasequery by IP address or relay (RFC 4388, RFC 6926, RFC 7724)',
  },
  ...['Server name option overloaded by DHCP', 'Boot file name option overloaded by DHCP'].map((message) => ({
    option: undefined,
    message,
    why: 'a note, not a fault: option 52 lends sname and file to options (RFC 2132 §9.3), as the overload message means to',
  })),
];
