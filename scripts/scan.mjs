// `npm run scan`: n8n's verification scan, offline, on this checkout and on the tarball `npm pack` makes.
//
// `npx @n8n/scan-community-package <name>` checks npm provenance, downloads the attested source and
// the published tarball, and then lints them with two calls (scanner.mjs, analyzePackageByName):
//   analyzePackage(sourceDir, SOURCE_FILE_PATTERNS) and analyzePackage(packageDir, ['**/*.js', 'package.json']).
// This script makes the same two calls, with the scanner's own ESLint config (inline eslint-disable
// comments are ignored, as at verification), on the working tree and on a freshly packed tarball.
// Provenance cannot be checked before publishing: the publish workflow provides it.
// Prints every finding and exits 1 on any error or warning. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
	buildScanConfig,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

// ESLint and fast-glob as the scanner itself resolves them.
const scannerRequire = createRequire(
	import.meta.resolve('@n8n/scan-community-package/scanner/scanner.mjs'),
);
const { ESLint } = await import(pathToFileURL(scannerRequire.resolve('eslint')).href);
const { default: glob } = await import(pathToFileURL(scannerRequire.resolve('fast-glob')).href);
const scannerVersion = scannerRequire('../package.json').version;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** The tarball `npm pack` makes from this checkout, extracted as the scanner extracts a download. */
function packTarball(workDir) {
	const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', workDir], {
		cwd: root,
		encoding: 'utf8',
	});
	if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
	const [{ filename, files }] = JSON.parse(packed.stdout);
	const packageDir = join(workDir, 'package');
	const extracted = spawnSync('tar', ['-xzf', join(workDir, filename), '-C', workDir], {
		encoding: 'utf8',
	});
	if (extracted.status !== 0) throw new Error(`tar failed: ${extracted.stderr}`);
	return { packageDir, files: files.map((file) => file.path) };
}

/** Every file package.json's `n8n` section names must be in the tarball, or there is nothing to scan. */
function missingEntryPoints(files) {
	const { n8n } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	return [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])].filter(
		(entry) => !files.includes(entry),
	);
}

/**
 * The scanner's analyzePackage fails on errors only and returns no result for warnings. When it
 * passes, lint the same files again with the same config to show (and fail on) its warnings too.
 */
async function warningsOf(packageDir, patterns) {
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: packageDir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	if (files.length === 0) return { count: 0, files: 0 };
	const results = await eslint.lintFiles(files);
	const count = results.reduce((sum, result) => sum + result.warningCount, 0);
	const details = count > 0 ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { count, files: files.length, details };
}

async function leg(label, packageDir, patterns) {
	const result = await analyzePackage(packageDir, patterns);
	if (!result.passed) {
		console.log(`✗ ${label}: ${result.message}`);
		if (result.details) console.log(result.details);
		return false;
	}
	const warnings = await warningsOf(packageDir, patterns);
	if (warnings.files === 0) {
		console.log(`✗ ${label}: no files matched ${patterns.join(', ')}`);
		return false;
	}
	if (warnings.count > 0) {
		console.log(`✗ ${label}: ${warnings.count} warning(s)`);
		console.log(warnings.details);
		return false;
	}
	console.log(`✓ ${label}: ${warnings.files} files, no findings`);
	return true;
}

const workDir = mkdtempSync(join(tmpdir(), 'capillary-scan-'));
let passed = false;
try {
	console.log(`@n8n/scan-community-package ${scannerVersion}`);
	const source = await leg(
		`source (${SOURCE_FILE_PATTERNS.join(', ')})`,
		root,
		SOURCE_FILE_PATTERNS,
	);
	if (!existsSync(join(root, 'dist'))) throw new Error('no dist/: run `npm run build` first');
	const { packageDir, files } = packTarball(workDir);
	const missing = missingEntryPoints(files);
	if (missing.length > 0) {
		console.log(`✗ tarball lacks ${missing.join(', ')}: run \`npm run build\` first`);
	}
	const tarball = await leg(
		`tarball (${TARBALL_FILE_PATTERNS.join(', ')})`,
		packageDir,
		TARBALL_FILE_PATTERNS,
	);
	passed = source && tarball && missing.length === 0;
	console.log(passed ? 'scan passed' : 'scan failed');
} finally {
	rmSync(workDir, { recursive: true, force: true });
}
process.exit(passed ? 0 : 1);
