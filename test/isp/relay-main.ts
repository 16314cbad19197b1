/**
 * The test relay as a process of its own, started inside the relay
 * namespace: node --import src/store/testing/register-ts.mjs test/isp/relay-main.ts CONFIG.json
 * Prints one JSON line per event; exits after 120 s in case no one stops it.
 */
import { readFileSync } from 'node:fs';
import { TestRelay, type RelayConfig } from './relay.js';

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as RelayConfig;
const say = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
await TestRelay.open(config, say);
say({ event: 'listening', lines: config.lines.map((l) => l.iface) });
// The sockets keep the process alive; this bounds it.
setTimeout(() => process.exit(0), 120_000).unref();
