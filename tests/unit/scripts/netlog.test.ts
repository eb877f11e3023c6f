/**
 * The browser tests' net-log reader (tests/e2e/chromium.ts) must see traffic off the machine when
 * there is some: checked on hand-made logs, since no test may send any.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNetLog } from '../../e2e/chromium';

const TYPES = {
	TCP_CONNECT: 1,
	TCP_CONNECT_ATTEMPT: 2,
	UDP_CONNECT: 3,
	UDP_BYTES_SENT: 4,
	HOST_RESOLVER_MANAGER_REQUEST: 5,
	SOCKET_BYTES_RECEIVED: 6
};
type Event = { type: keyof typeof TYPES; params?: Record<string, unknown> };

function logOf(events: Event[]): string {
	const file = join(mkdtempSync(join(tmpdir(), 'atlas-netlog-test-')), 'netlog.json');
	writeFileSync(file, JSON.stringify({ constants: { logEventTypes: TYPES }, events: events.map((e) => ({ ...e, type: TYPES[e.type] })) }));
	return file;
}

describe('readNetLog', () => {
	const CASES: { title: string; events: Event[]; expected: Partial<ReturnType<typeof readNetLog>> }[] = [
		{
			title: 'loopback only',
			events: [
				{ type: 'TCP_CONNECT_ATTEMPT', params: { address: '127.0.0.1:4173' } },
				{ type: 'TCP_CONNECT', params: { address: '127.0.0.1:4173' } }
			],
			expected: { loopbackConnects: 2, offsiteConnects: [], offsiteDatagrams: [] }
		},
		{
			title: 'a TCP connection off the machine',
			events: [{ type: 'TCP_CONNECT_ATTEMPT', params: { address: '203.0.113.7:443' } }],
			expected: { loopbackConnects: 0, offsiteConnects: ['203.0.113.7:443'] }
		},
		{
			title: 'a UDP datagram off the machine',
			events: [{ type: 'UDP_BYTES_SENT', params: { address: '[2001:db8::1]:443', byte_count: 1200 } }],
			expected: { offsiteDatagrams: ['[2001:db8::1]:443'] }
		},
		{
			title: "the IPv6 probe's connect without bytes is not traffic",
			events: [{ type: 'UDP_CONNECT', params: { address: '[2001:db8::1]:443' } }],
			expected: { offsiteConnects: [], offsiteDatagrams: [] }
		},
		{
			title: 'hosts the resolver refused are listed, not counted as traffic',
			events: [{ type: 'HOST_RESOLVER_MANAGER_REQUEST', params: { host: 'https://example.org' } }],
			expected: { offsiteConnects: [], attemptedHosts: ['https://example.org'] }
		}
	];
	it.each(CASES)('$title', ({ events, expected }) => expect(readNetLog(logOf(events))).toMatchObject(expected));
});
