/**
 * Summarises a .cpuprofile written by `npm run bench -- --profile DIR`:
 * `tsx scripts/bench/profileSummary.ts FILE [--top 25] [--filter TEXT]`.
 * Prints self time by function and by package/file, and the total time under each function
 * whose name or file contains the filter text (inclusive time).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

function main(): void {
	const [file, ...rest] = process.argv.slice(2);
	if (!file) throw new Error('Usage: profileSummary.ts FILE [--top N] [--filter TEXT]');
	const top = Number(flag(rest, '--top') ?? 25);
	const filter = flag(rest, '--filter');
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
	const selfMs = selfTimes(profile);
	const totalMs = (profile.endTime - profile.startTime) / 1000;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	console.log(`${file}: ${totalMs.toFixed(0)} ms profiled`);

	const byFunction = new Map<string, number>();
	const byFile = new Map<string, number>();
	for (const node of profile.nodes) {
		const ms = selfMs.get(node.id) ?? 0;
		add(byFunction, functionLabel(node), ms);
		add(byFile, fileLabel(node.callFrame.url), ms);
	}
	const byArea = new Map<string, number>();
	for (const node of profile.nodes) add(byArea, areaOf(node), selfMs.get(node.id) ?? 0);
	printTop('Self time by area', byArea, top, totalMs);
	printTop('Self time by function', byFunction, top, totalMs);
	printTop('Self time by file', byFile, top, totalMs);
	if (filter)
		printTop(
			`Inclusive time of functions matching "${filter}"`,
			inclusiveTimes(profile, byId, selfMs, filter),
			top,
			totalMs,
		);
}

function selfTimes(profile: Profile): Map<number, number> {
	const times = new Map<number, number>();
	profile.samples.forEach((id, i) => add(times, id, (profile.timeDeltas[i] ?? 0) / 1000));
	return times;
}

/** Time under each matching function, counting recursion once. */
function inclusiveTimes(
	profile: Profile,
	byId: Map<number, ProfileNode>,
	selfMs: Map<number, number>,
	filter: string,
): Map<string, number> {
	const result = new Map<string, number>();
	const walk = (id: number, open: Set<string>): number => {
		const node = byId.get(id)!;
		const label = functionLabel(node);
		const matches = label.includes(filter) && !open.has(label);
		if (matches) open.add(label);
		let total = selfMs.get(id) ?? 0;
		for (const child of node.children ?? []) total += walk(child, open);
		if (matches) {
			open.delete(label);
			add(result, label, total);
		}
		return total;
	};
	walk(profile.nodes[0].id, new Set());
	return result;
}

/** Coarse areas, to say where the time went: the expression engine, HTTP, the node, the rest of n8n. */
const AREAS: Array<[string, RegExp]> = [
	[
		'n8n expression evaluation',
		/n8n-workflow\/dist\/cjs\/(expression|workflow-data-proxy|workflow-expression|extensions)|luxon|@n8n\/tournament|esprima|recast|ast-types|jmespath/,
	],
	[
		'HTTP (n8n request helper, axios, sockets)',
		/axios|@n8n\/backend-network|proxy-from-env|follow-redirects|form-data|node:(_http|http|net|dns|internal\/(streams|stream_base|net|url|dns))|request-helpers/,
	],
	['Capillary node (dist/)', /dist\/(nodes|credentials)\//],
	['rest of n8n engine', /n8n-core|n8n-workflow|@n8n\//],
];

const SOCKET_NATIVES = new Set([
	'connect',
	'writev',
	'writeUtf8String',
	'writeBuffer',
	'close',
	'setKeepAlive',
	'setNoDelay',
	'getaddrinfo',
	'readStop',
	'readStart',
	'shutdown',
]);

function areaOf({ callFrame }: ProfileNode): string {
	if (callFrame.functionName === '(garbage collector)') return 'garbage collection';
	if (callFrame.functionName === '(idle)') return 'idle (waiting for the network)';
	if (callFrame.functionName === 'dispatch' || callFrame.functionName === '(program)')
		return 'profiler and V8 internals';
	if (callFrame.functionName === 'get ppid') return 'n8n expression evaluation'; // it reads process.ppid for every evaluation
	if (SOCKET_NATIVES.has(callFrame.functionName))
		return 'HTTP (n8n request helper, axios, sockets)';
	if (!callFrame.url) return `native: ${callFrame.functionName || '(anonymous)'}`;
	return AREAS.find(([, pattern]) => pattern.test(callFrame.url))?.[0] ?? 'other JavaScript';
}

function functionLabel({ callFrame }: ProfileNode): string {
	return `${callFrame.functionName || '(anonymous)'} ${fileLabel(callFrame.url)}:${callFrame.lineNumber + 1}`;
}

/** This checkout, as profile URLs name it: files under it are labelled relative to it. */
const REPO_ROOT = path.resolve(__dirname, '../..') + path.sep;
const REPO_ROOTS = [pathToFileURL(REPO_ROOT).href, REPO_ROOT];

function fileLabel(url: string): string {
	if (!url) return '(native)';
	const modules = url.lastIndexOf('node_modules/');
	if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
	for (const root of REPO_ROOTS) if (url.startsWith(root)) return url.slice(root.length);
	return url;
}

function printTop(title: string, times: Map<string, number>, top: number, totalMs: number): void {
	console.log(`\n${title}:`);
	for (const [label, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(
			`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${label}`,
		);
	}
}

function add<K>(map: Map<K, number>, key: K, value: number): void {
	map.set(key, (map.get(key) ?? 0) + value);
}

function flag(args: string[], name: string): string | undefined {
	const index = args.indexOf(name);
	return index >= 0 ? args[index + 1] : undefined;
}

main();
