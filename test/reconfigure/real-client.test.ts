import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIRECT, directConfig, duidLL } from '../interop/config.js';
import { Fulmar } from '../interop/fulmar.js';
import { installHook, readScriptLog } from '../interop/client-hook.js';
import type { Lab } from '../interop/lab.js';
import type { Started } from '../interop/processes.js';
import { useLab } from '../interop/use-lab.js';
import { waitFor } from '../interop/wait.js';

/**
 * dhcpcd, the one packaged client that checks Reconfigure (dhcpcd-base 9.4,
 * built with AUTH): it sends Reconfigure Accept when its config asks for the
 * option, keeps the key from the Reply (and from its lease file after a
 * restart), accepts a Reconfigure only from a link-local address with a
 * valid HMAC-MD5 (RFC 8415 §20.4.3), then Renews (or sends an
 * Information-request). dibbler-client 1.0.1 sends Reconfigure Accept
 * (`reconfigure-accept 1`) but says "Support for reconfigure-key in
 * RECONFIGURE message not implementd yet", so it proves nothing about the HMAC.
 *
 * The client config that matters (dhcpcd.conf):
 *   option dhcp6_reconfigure_accept   # send Reconfigure Accept (option 20)
 *   interface cli0
 *     ia_na 1
 *
 *   fi-rch-cli  cli0 ══ srv0  fi-rch-srv   the Harness (ReconfigureService)  runs now
 *   fi-rcf-cli  cli0 ══ srv0  fi-rcf-srv   fulmar serve                      needs the server to call the service
 */

const REGISTER = new URL('../../src/store/testing/register-ts.mjs', import.meta.url).href;
const CHILD = fileURLToPath(new URL('./harness-child.ts', import.meta.url));

/** dhcpcd on cli0 asking for one address and announcing Reconfigure Accept; its own tmpfs state, a known DUID. */
function startDhcpcd(lab: Lab, duid: string): { process: Started; events: () => ReturnType<typeof readScriptLog> } {
  const hook = installHook(lab, 'dhcpcd', 'record-env.sh');
  const conf = lab.path('dhcpcd.conf');
  writeFileSync(conf, ['ipv6only', 'noipv6rs', 'duid', `script ${hook.hook}`, 'option dhcp6_reconfigure_accept', 'interface cli0', '  ia_na 1'].join('\n') + '\n');
  const script = 'mount -t tmpfs fi /var/lib/dhcpcd && mount -t tmpfs fi /run && echo "$1" >/var/lib/dhcpcd/duid && exec dhcpcd -B -d -t 20 -f "$2" cli0';
  const process = lab.start('dhcpcd', 'cli', ['sh', '-c', script, 'sh', duid.replace(/(..)(?!$)/g, '$1:'), conf]);
  return { process, events: () => readScriptLog(hook.events) };
}

function lines(p: Started): Record<string, unknown>[] {
  const out = p.output();
  return out
    .slice(0, out.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe.sequential('dhcpcd and ReconfigureService (the harness server)', () => {
  const setup = useLab('fi-rch', ['srv', 'cli'], ['dhcpcd'], async (lab) => {
    lab.veth({ ns: 'srv', iface: 'srv0', mac: '02:00:00:00:0e:02' }, { ns: 'cli', iface: 'cli0', mac: '02:00:00:00:0e:01' });
    await lab.linkLocal('srv', 'srv0');
    await lab.linkLocal('cli', 'cli0');
    const harness = lab.start('harness', 'srv', [process.execPath, '--import', REGISTER, CHILD, 'srv0', 'renew']);
    await waitFor('the harness to listen', 10, () => lines(harness).some((l) => l.event === 'listening'), () => harness.output());
    return { harness };
  });
  const duid = duidLL('02:00:00:00:0e:01');

  it('dhcpcd takes the key, verifies the Reconfigure and Renews at once', async () => {
    const { lab, harness } = setup();
    const dhcpcd = startDhcpcd(lab, duid);
    await waitFor('dhcpcd BOUND6', 20, () => dhcpcd.events().find((e) => e.reason === 'BOUND6'), () => dhcpcd.process.output());
    const show = () => `${harness.output()}\n--- dhcpcd ---\n${dhcpcd.process.output()}`;
    await waitFor('a Reconfigure sent', 10, () => lines(harness).find((l) => l.event === 'reconfigure'), show);
    expect(lines(harness).find((l) => l.event === 'reconfigure')).toMatchObject({ sent: 1, skipped: 0 });
    // T1 is 1000 s: a Renew now is the Reconfigure's doing.
    await waitFor('dhcpcd to Renew', 10, () => lines(harness).find((l) => l.type === 'renew' && l.answered === 1), show);
    expect(dhcpcd.process.output()).toMatch(/accepted reconfigure key/);
    expect(dhcpcd.process.output()).toMatch(/RECONFIGURE6 from fe80::/);
    expect(dhcpcd.process.output()).not.toMatch(/authentication failed/);
  });
});

/**
 * Against `fulmar serve`: fails until the server calls ReconfigureService
 * (replyOptions in its Replies, rememberPath per transaction) and the runtime
 * wires ControlTarget.reconfigure to it.
 */
describe.sequential('dhcpcd and fulmar serve: lease6-reconfigure', () => {
  const token = randomBytes(32).toString('base64url');
  const setup = useLab('fi-rcf', ['srv', 'cli'], ['dhcpcd'], async (lab) => {
    const authFile = lab.path('api-users.json');
    writeFileSync(authFile, JSON.stringify({ users: [{ name: 'test', role: 'read-write', hash: `sha256$${createHash('sha256').update(token).digest('hex')}` }] }));
    const config = directConfig();
    // Long timers: a Renew within seconds can only come from the Reconfigure.
    Object.assign(config.dhcp6 as object, { 'renew-timer': 1000, 'rebind-timer': 2000, 'preferred-lifetime': 3000, 'valid-lifetime': 4000 });
    const fulmar = await serveDirectLinkWith(lab, { ...config, control: { address: '::1', port: 8547, 'auth-file': authFile } });
    return { fulmar };
  });
  const duid = duidLL('02:00:00:00:0f:01');

  /** A Kea-style command to the API, from inside the server's namespace (it listens on that namespace's loopback). */
  function command(lab: Lab, body: object): { result: number; text: string; arguments?: Record<string, unknown> } {
    const script = `fetch('http://[::1]:8547/', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.TOKEN }, body: process.argv[1] }).then((r) => r.text()).then((t) => process.stdout.write(t))`;
    const out = execFileSync('ip', ['netns', 'exec', lab.ns('srv'), process.execPath, '-e', script, JSON.stringify(body)], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, TOKEN: token } });
    const parsed = JSON.parse(out) as unknown;
    return (Array.isArray(parsed) ? parsed[0] : parsed) as never;
  }

  it('the Reply to dhcpcd carries the key; lease6-reconfigure makes dhcpcd Renew now, not at T1', async () => {
    const { lab, fulmar } = setup();
    const dhcpcd = startDhcpcd(lab, duid);
    await waitFor('dhcpcd BOUND6', 20, () => dhcpcd.events().find((e) => e.reason === 'BOUND6'), () => dhcpcd.process.output());
    expect(dhcpcd.process.output()).toMatch(/accepted reconfigure key/);
    const address = dhcpcd.events().find((e) => e.reason === 'BOUND6')!.env.new_dhcp6_ia_na1_ia_addr1!;
    const renewsBefore = fulmar.transactions(duid).filter((t) => t.type === 'renew').length;

    const answer = command(lab, { command: 'lease6-reconfigure', arguments: { 'ip-address': address } });
    expect(answer).toMatchObject({ result: 0, arguments: { sent: 1, skipped: 0 } });
    await waitFor('dhcpcd to Renew', 10, () => fulmar.transactions(duid).filter((t) => t.type === 'renew').length > renewsBefore, () => `${fulmar.log()}\n--- dhcpcd ---\n${dhcpcd.process.output()}`);
    expect(dhcpcd.process.output()).toMatch(/RECONFIGURE6 from fe80::/);
    expect(fulmar.transactions(duid).at(-1)).toMatchObject({ type: 'renew', reply: 'reply', granted: [address] });
  });

  it('a client that never sent Reconfigure Accept is skipped', () => {
    const { lab } = setup();
    const answer = command(lab, { command: 'lease6-reconfigure', arguments: { duid: duidLL('02:00:00:00:0f:99') } });
    expect(answer.arguments).toMatchObject({ sent: 0 });
  });
});

/** interop's serveDirectLink, with a config of our own (that one serves directConfig() as is). */
async function serveDirectLinkWith(lab: Lab, config: ReturnType<typeof directConfig>): Promise<Fulmar> {
  lab.veth({ ns: 'srv', iface: 'srv0', mac: '02:00:00:00:0f:02' }, { ns: 'cli', iface: 'cli0', mac: '02:00:00:00:0f:01' });
  lab.address('srv', 'srv0', DIRECT.server);
  await lab.linkLocal('srv', 'srv0');
  await lab.linkLocal('cli', 'cli0');
  return Fulmar.start(lab, 'srv', config);
}
