/**
 * Must be imported before n8n-core: n8n reads these on first use. Its config goes to a temporary
 * N8N_USER_FOLDER, and its log to a file there (not the console), which tests can read for secrets.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-capillary-'));
process.env.N8N_LOG_OUTPUT ??= 'file';
process.env.N8N_LOG_LEVEL ??= 'debug';
process.env.N8N_LOG_FILE_LOCATION ??= path.join(process.env.N8N_USER_FOLDER, 'n8n.log');

export function readEngineLog(): string {
	const file = process.env.N8N_LOG_FILE_LOCATION!;
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}
