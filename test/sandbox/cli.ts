/**
 * Standalone sandbox: `npx tsx test/sandbox/cli.ts [--port N]` (or env PORT; default 8787).
 * Prints the URL, demo credentials and ids, and runs until Ctrl-C.
 */
import { DEMO, startSandbox } from './index';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const DEFAULT_PORT = 8787;

function portFromArgs(argv: readonly string[]): number {
	const flag = argv.indexOf('--port');
	const text = flag >= 0 ? argv[flag + 1] : process.env.PORT;
	if (text === undefined || text === '') return DEFAULT_PORT;
	const port = Number(text);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${text}`);
	return port;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ port: portFromArgs(process.argv.slice(2)) });
	const { welcome, birthday, goldEnrol, goldDirect } = DEMO.promotions;
	const lines = [
		`Capillary sandbox listening on ${sandbox.url}`,
		'',
		'Basic auth (till users; the header carries the MD5 of the password):',
		...DEMO.tillUsers.map(
			(user) => `  ${user.username} / ${user.password}  (md5 ${user.passwordMd5})`,
		),
		`  header for ${DEMO.basic.username}: Authorization: ${DEMO.basic.header}`,
		'OAuth client:',
		`  key ${DEMO.oauth.clientKey} / secret ${DEMO.oauth.clientSecret}  (POST ${sandbox.url}${ENDPOINTS.sessionGenerate})`,
		'',
		`Programs: ${DEMO.programs.demoRewards} Demo Rewards, ${DEMO.programs.goldClub} Gold Club`,
		`Promotions: ${welcome.promotionId} ${welcome.promoIdentifier} (Enrol & Issue, limit ${welcome.issueLimit}),`,
		`  ${birthday.promotionId} ${birthday.promoIdentifier} (Direct Issue, limit ${birthday.issueLimit}),`,
		`  ${goldEnrol.promotionId} (Enrol & Issue), ${goldDirect.promotionId} (Direct Issue)`,
		`Customers: k in [0, ${DEMO.customerCount}) -> id ${DEMO.customer(0).id}+k, mobile ${DEMO.customer(0).mobile}+k, email customer<k>@example.com`,
		'',
		'Press Ctrl-C to stop.',
	];
	console.log(lines.join('\n'));
	const stop = (): void => {
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
